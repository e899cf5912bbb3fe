import EarnedDomain
import Vapor

/// The dashboards: the scorecard with its records, consistency, loyalty. Each answers
/// `?export=<table>` with that table as CSV.
struct DashboardsController: Sendable {
    func scorecard(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let page = try await ScorecardPage.load(req, viewer: viewer)
        if let response = try export(req, { page.tables(viewer) }, name: "scorecard") { return response }
        return Layout.response(
            page.body(viewer, now: req.now), title: viewer.s.scorecardTitle, request: req)
    }

    func records(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let csv = req.query[String.self, at: "export"] != nil
        let page = try await ScorecardRecordsPage.load(req, viewer: viewer, export: csv)
        if csv { return page.table(viewer).response(filename: "scorecard-\(page.step.rawValue)") }
        return Layout.response(
            page.body(viewer), title: viewer.s.recordsOf(viewer.s.stepName(page.step)), request: req)
    }

    func consistency(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let page = try await ConsistencyPage.load(req, viewer: viewer)
        if let response = try export(req, { page.tables(viewer) }, name: "consistency") { return response }
        return Layout.response(page.body(viewer, now: req.now), title: viewer.s.consistencyTitle, request: req)
    }

    func loyalty(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let page = try await LoyaltyPage.load(req, viewer: viewer)
        if let response = try export(req, { page.tables(viewer) }, name: "loyalty") { return response }
        return Layout.response(page.body(viewer, now: req.now), title: viewer.s.loyaltyTitle, request: req)
    }

    /// The CSV of the table `?export=` names; nil without the parameter; an error for a table
    /// the page does not have.
    func export(_ req: Request, _ make: () -> [DataTable], name: String) throws -> Response? {
        guard let id = req.query[String.self, at: "export"] else { return nil }
        let tables = make()
        guard let table = tables.first(where: { $0.id == id }) else {
            throw DomainError.invalid([
                FieldError(field: "export", code: .invalidChoice, detail: tables.map(\.id).joined(separator: ", "))
            ])
        }
        return table.response(filename: name)
    }
}
