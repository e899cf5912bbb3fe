import EarnedDomain
import Vapor

/// The owner's audit log: who created, changed, merged, erased or deleted what, and when.
struct AuditController {
    func list(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let entries = try await req.audit.recent(by: viewer.staff, limit: 300)
        let staff = try await req.staffAccounts.list(actor: viewer.staff)
        let s = viewer.s
        let names = Dictionary(uniqueKeysWithValues: staff.map { ($0.id, $0.name) })
        let body = H.group([
            Layout.pageHead(s.auditTitle),
            entries.isEmpty
                ? H.p("empty", s.noAudit)
                : H.table(
                    caption: s.auditTitle, headers: [s.when, s.who, s.action, s.what],
                    rows: entries.map { entry in
                        let target: HTMLNode =
                            entry.entity == "customer"
                            ? H.a(SiteURL.customer(entry.entityID).path, "\(entry.entity) · \(entry.summary)")
                            : H.text("\(entry.entity) · \(entry.summary)")
                        return [
                            H.text(viewer.dateTime(entry.at)), H.text(entry.actorID.flatMap { names[$0] } ?? s.system),
                            H.text(entry.action.rawValue), target,
                        ]
                    }),
        ])
        return Layout.response(body, title: s.auditTitle, request: req)
    }
}
