import EarnedDomain
import FluentKit
import Foundation

/// Which audit entries to show: by or about one person, of one kind, within a time range.
public struct AuditFilter: Sendable, Hashable {
    /// Entries this person made, and entries about their account (a failed sign-in has no actor).
    public var staffID: StaffID?
    public var action: AuditEntry.Action?
    /// From this moment on (inclusive).
    public var from: Date?
    /// Before this moment.
    public var until: Date?

    public init(staffID: StaffID? = nil, action: AuditEntry.Action? = nil, from: Date? = nil, until: Date? = nil) {
        self.staffID = staffID
        self.action = action
        self.from = from
        self.until = until
    }
}

extension AuditLog {
    /// One page of the entries `filter` picks, newest first; only the owner may read the log.
    public func search(_ filter: AuditFilter, by actor: Staff, cursor: String? = nil, limit: Int = 50) async throws
        -> ResultPage<AuditEntry>
    {
        try Policy.require(actor, .viewAuditLog)
        let query = AuditRecord.query(on: db)
        if let person = filter.staffID?.rawValue {
            query.group(.or) { group in
                group.filter(\.$actorID == person)
                group.group(.and) { $0.filter(\.$entity == "staff").filter(\.$entityID == person) }
            }
        }
        if let action = filter.action { query.filter(\.$action == action.rawValue) }
        if let from = filter.from { query.filter(\.$at >= from) }
        if let until = filter.until { query.filter(\.$at < until) }
        if let raw = cursor {
            guard let cursor = Cursor(encoded: raw), let seconds = Double(cursor.key) else {
                throw DomainError.invalid([FieldError(field: "cursor", code: .invalidFormat)])
            }
            let at = Date(timeIntervalSince1970: seconds)
            query.group(.or) { group in
                group.filter(\.$at < at)
                group.group(.and) { $0.filter(\.$at == at).filter(\.$id < cursor.id) }
            }
        }
        let limit = max(1, min(limit, 1000))
        let records = try await query.sort(\.$at, .descending).sort(\.$id, .descending).limit(limit + 1).all()
        let page = Array(records.prefix(limit))
        let next =
            records.count > limit
            ? page.last.map { Cursor(key: String($0.at.timeIntervalSince1970), id: $0.id!).encoded } : nil
        return ResultPage(items: page.map(\.domain), nextCursor: next)
    }
}
