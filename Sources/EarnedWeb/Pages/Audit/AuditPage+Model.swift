import EarnedDomain
import EarnedStore
import Foundation

/// The owner's audit log, one page of it: the filters as typed, the entries they pick, and the
/// cursors to page on. `table` also shapes the CSV download.
struct AuditPage {
    var viewer: ViewerContext
    var query: AuditQuery
    var staff: [Staff]
    var names: [StaffID: String]
    var entries: [AuditEntry]
    var cursor: String?
    var nextCursor: String?
    var errors: [String]

    /// The entries as a table; for the CSV, times as "2026-11-18 14:06:40" in the viewer's zone,
    /// which a spreadsheet reads as a date in any language.
    static func table(_ entries: [AuditEntry], viewer: ViewerContext, names: [StaffID: String], csv: Bool = false)
        -> DataTable
    {
        let s = viewer.s
        let stamp = DateFormatter()
        stamp.locale = Locale(identifier: "en_US_POSIX")
        stamp.timeZone = viewer.zone
        stamp.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return DataTable(
            id: "audit", caption: s.auditTitle, headers: [s.when, s.who, s.action, s.what, "id"],
            rows: entries.map { entry in
                [
                    .init(csv ? stamp.string(from: entry.at) : viewer.dateTime(entry.at)),
                    .init(entry.actorID.map { names[$0] ?? $0.description } ?? s.system),
                    .init(s.auditAction(entry.action)),
                    .init(
                        "\(subject(entry, names: names, s: s)) · \(s.auditSummary(entry.summary))",
                        href: entry.entity == "customer" ? SiteURL.customer(entry.entityID).path : nil),
                    .init(entry.entityID.uuidString.lowercased()),
                ]
            }, separator: ";")
    }

    /// What an entry is about: a person's name for their account's entries, else the kind of record.
    static func subject(_ entry: AuditEntry, names: [StaffID: String], s: Strings) -> String {
        guard entry.entity == "staff", let name = names[StaffID(entry.entityID)] else {
            return s.auditEntity(entry.entity)
        }
        return name
    }
}
