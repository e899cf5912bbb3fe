import EarnedDomain
import EarnedStore
import Vapor

/// The filters as the query string gives them, and the errors of the ones that do not read.
struct AuditQuery {
    var person: String?
    var kind: String?
    var from: String?
    var to: String?
    var filter = AuditFilter()
    var errors: [String] = []

    init(_ req: Request, zone: TimeZone, s: Strings) {
        person = req.query[String.self, at: "person"]?.trimmingCharacters(in: .whitespaces)
        kind = req.query[String.self, at: "kind"]?.trimmingCharacters(in: .whitespaces)
        from = req.query[String.self, at: "from"]?.trimmingCharacters(in: .whitespaces)
        to = req.query[String.self, at: "to"]?.trimmingCharacters(in: .whitespaces)
        var filter = AuditFilter()
        if let person, !person.isEmpty { filter.staffID = StaffID(string: person) }
        if let kind, !kind.isEmpty { filter.action = AuditEntry.Action(rawValue: kind) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        var errors: [String] = []
        /// The start of a YYYY-MM-DD day in the viewer's zone.
        func day(_ text: String?, label: String) -> Date? {
            guard let text, !text.isEmpty else { return nil }
            guard let local = LocalDate(iso: text), let year = local.year,
                let date = calendar.date(from: DateComponents(year: year, month: local.month, day: local.day))
            else {
                errors.append(s.auditBadDate(label))
                return nil
            }
            return date
        }
        filter.from = day(from, label: s.auditFrom)
        filter.until = day(to, label: s.auditTo).flatMap { calendar.date(byAdding: .day, value: 1, to: $0) }
        self.filter = filter
        self.errors = errors
    }

    func url(cursor: String? = nil, export: Bool = false) -> String {
        SiteURL.auditSearch(
            person: filter.staffID?.rawValue, kind: filter.action?.rawValue, from: from, to: to, cursor: cursor,
            export: export
        ).path
    }
}
