import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Vapor

/// The program forecaster's pages (owner): the form, a run, saving, and the saved forecasts.
struct ForecastController: Sendable {
    struct SaveForm: Content {
        var name: String?
        var scenario: String?
    }

    /// The form, with the defaults or (`?from=<id>`) a saved forecast's inputs.
    func page(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .forecastPrograms)
        var scenario = ProgramScenario.standard
        if let from = req.query[String.self, at: "from"] {
            guard let id = UUID(uuidString: from) else {
                throw DomainError.invalid([FieldError(field: "from", code: .invalidFormat, detail: "a UUID")])
            }
            scenario = try await Forecasting(db: req.database).saved(id, actor: viewer.staff).1.scenario
        }
        return try await render(req, viewer, form: ForecastForm(scenario), errors: [], document: nil)
    }

    /// Runs what the form holds and shows it below the form, with a form to save it.
    func run(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .forecastPrograms)
        let form = ForecastForm(posted: try req.content.decode([String: String].self))
        do {
            let scenario = try form.scenario()
            let document = try await Forecasting(db: req.database).run(scenario, actor: viewer.staff)
            return try await render(req, viewer, form: form, errors: [], document: document)
        } catch let error as DomainError {
            guard case .invalid(let fields) = error else { throw error }
            return try await render(req, viewer, form: form, errors: fields, document: nil)
        }
    }

    /// Runs the posted scenario again and saves it; a missing name shows the result again with
    /// the message.
    func save(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .forecastPrograms)
        let posted = try req.content.decode(SaveForm.self)
        let scenario: ProgramScenario
        do {
            scenario = try JSONDecoder().decode(ProgramScenario.self, from: Data((posted.scenario ?? "").utf8))
        } catch {
            throw DomainError.invalid([FieldError(field: "scenario", code: .invalidFormat, detail: "a scenario")])
        }
        let forecasting = Forecasting(db: req.database)
        let document = try await forecasting.run(scenario, actor: viewer.staff)
        do {
            let saved = try await forecasting.save(document, name: posted.name ?? "", actor: viewer.staff, now: req.now)
            return req.redirect(to: SiteURL.forecastSaved(saved.id).path)
        } catch let error as DomainError {
            guard case .invalid(let fields) = error else { throw error }
            return try await render(
                req, viewer, form: ForecastForm(scenario), errors: [], document: document, saveErrors: fields,
                name: posted.name)
        }
    }

    func list(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let rows = try await ForecastStore(db: req.database).list(actor: viewer.staff, limit: 200)
        return Layout.response(
            SavedForecastsPage(viewer: viewer, rows: rows).body, title: viewer.s.savedForecastsTitle, request: req)
    }

    /// A saved forecast: its results as they were, its inputs, and `?export=<table>` as CSV.
    func show(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let id = try req.uuidParameter("forecast")
        let (row, document) = try await Forecasting(db: req.database).saved(id, actor: viewer.staff)
        if let response = try DashboardsController().export(
            req, { ForecastViews.tables(viewer, document) }, name: "forecast")
        {
            return response
        }
        let page = SavedForecastPage(viewer: viewer, row: row, document: document, now: req.now)
        return Layout.response(page.body, title: row.name, request: req)
    }

    func delete(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try await ForecastStore(db: req.database).delete(
            try req.uuidParameter("forecast"), actor: viewer.staff, now: req.now)
        return req.redirect(to: SiteURL.forecastList.path)
    }

    func render(
        _ req: Request, _ viewer: ViewerContext, form: ForecastForm, errors: [FieldError],
        document: Forecasting.Document?, saveErrors: [FieldError] = [], name: String? = nil
    ) async throws -> Response {
        let page = ForecastPage(
            viewer: viewer, baseline: try await Forecasting(db: req.database).baseline(), form: form, errors: errors,
            document: document, saveErrors: saveErrors, name: name, now: req.now)
        return Layout.response(
            page.body, title: viewer.s.forecastTitle, request: req, status: page.hasErrors ? .unprocessableEntity : .ok)
    }
}
