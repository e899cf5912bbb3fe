import EarnedDomain
import EarnedStore
import Vapor

/// The owner's audit log: who created, changed, merged, erased or deleted what, who signed in
/// and out, and when; filtered by person, kind and dates, paged, and downloadable as CSV
/// (semicolon-separated, as a spreadsheet set to Russian opens it).
struct AuditController {
    static let pageSize = 50

    func list(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .viewAuditLog)
        let s = viewer.s
        let query = AuditQuery(req, zone: viewer.zone, s: s)
        let staff = try await req.staffAccounts.list(actor: viewer.staff)
        let names = Dictionary(uniqueKeysWithValues: staff.map { ($0.id, $0.name) })
        if req.query[String.self, at: "export"] == "csv", query.errors.isEmpty {
            return try await export(req, viewer: viewer, query: query, names: names)
        }
        let cursor = req.query[String.self, at: "cursor"]
        var found = ResultPage<AuditEntry>(items: [], nextCursor: nil)
        var errors = query.errors
        if errors.isEmpty {
            do {
                found = try await req.audit.search(query.filter, by: viewer.staff, cursor: cursor, limit: Self.pageSize)
            } catch DomainError.invalid {
                errors.append(s.badRequestTitle)
            }
        }
        let page = AuditPage(
            viewer: viewer, query: query, staff: staff, names: names, entries: found.items, cursor: cursor,
            nextCursor: found.nextCursor, errors: errors)
        return Layout.response(
            page.body, title: s.auditTitle, request: req, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    /// Every entry the filters pick, not only one page.
    func export(_ req: Request, viewer: ViewerContext, query: AuditQuery, names: [StaffID: String]) async throws
        -> Response
    {
        var entries: [AuditEntry] = []
        var cursor: String?
        repeat {
            let page = try await req.audit.search(query.filter, by: viewer.staff, cursor: cursor, limit: 1000)
            entries += page.items
            cursor = page.nextCursor
        } while cursor != nil
        return AuditPage.table(entries, viewer: viewer, names: names, csv: true).response(filename: "earned")
    }
}
