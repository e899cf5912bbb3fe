import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Vapor

/// A saved forecast in the API: its list figures, and with them (not in lists) the inputs, the
/// baseline it ran on and the results.
struct SavedForecastDTO: APIObject {
    var summary: SavedForecastSummaryDTO
    var scenario: ProgramScenario
    var baseline: ForecastBaseline
    var result: ForecastResult

    init(_ row: SavedForecast, _ document: Forecasting.Document) {
        summary = SavedForecastSummaryDTO(row)
        scenario = document.scenario
        baseline = document.baseline
        result = document.result
    }

    /// The summary's keys, then the inputs, the baseline and the results beside them.
    func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        var c = encoder.container(keyedBy: APIKey.self)
        try c.encode(scenario, forKey: APIKey("scenario"))
        try c.encode(baseline, forKey: APIKey("baseline"))
        try c.encode(result, forKey: APIKey("result"))
    }
}

struct SavedForecastSummaryDTO: APIObject {
    var id: UUID
    var name: String
    var kind: String
    var created_by_id: UUID?
    var created_at: Date
    var baseline_at: Date
    var npv_p50_minor: Int64
    var probability_of_loss: Double
    var verdict: String
    var currency: String?

    init(_ row: SavedForecast) {
        id = row.id
        name = row.name
        kind = row.kind
        created_by_id = row.createdByID?.rawValue
        created_at = row.createdAt
        baseline_at = row.baselineAt
        npv_p50_minor = row.npvP50Minor
        probability_of_loss = row.probabilityOfLoss
        verdict = row.verdict
        currency = row.currency
    }
}

struct SavedForecastListDTO: APIObject {
    var items: [SavedForecastSummaryDTO]
    var next_cursor: String?
}

/// A forecast run and not saved: the inputs, the baseline and the results.
struct ForecastDTO: APIObject {
    var scenario: ProgramScenario
    var baseline: ForecastBaseline
    var result: ForecastResult

    init(_ d: Forecasting.Document) {
        scenario = d.scenario
        baseline = d.baseline
        result = d.result
    }
}

struct ForecastSaveInput: Content {
    var name: String?
    var scenario: ProgramScenario?
}

extension ProgramScenario: Content {}
extension ForecastBaseline: Content {}

/// Program forecasts under /api/v1/forecasts (owner): the baseline, a run, and saved forecasts.
extension APIRoutes {
    static func registerForecasts(_ api: any RoutesBuilder) {
        api.get(SiteURL.API.forecastBaseline.pathComponents, use: forecastBaseline)
        api.post(SiteURL.API.forecastRun.pathComponents, use: runForecast).ownTransactions()
        api.post(SiteURL.API.forecasts.pathComponents, use: saveForecast)
        api.get(SiteURL.API.forecasts.pathComponents, use: listForecasts)
        api.get(SiteURL.API.forecast(.key).pathComponents, use: getForecast)
        api.delete(SiteURL.API.forecast(.key).pathComponents, use: deleteForecast)
    }

    static func forecastBaseline(_ req: Request) async throws -> ForecastBaseline {
        try Policy.require(try req.actor(), .forecastPrograms)
        return try await Forecasting(db: req.database).requireBaseline()
    }

    static func runForecast(_ req: Request) async throws -> ForecastDTO {
        let scenario = try req.content.decode(ProgramScenario.self)
        return ForecastDTO(try await Forecasting(db: req.database).run(scenario, actor: try req.actor()))
    }

    static func saveForecast(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        try Policy.require(actor, .forecastPrograms)
        let input = try req.content.decode(ForecastSaveInput.self)
        var errors = ForecastStore.nameErrors(input.name)
        if input.scenario == nil { errors.append(FieldError(field: "scenario", code: .required)) }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        let forecasting = Forecasting(db: req.database)
        let document = try await forecasting.run(input.scenario!, actor: actor)
        let saved = try await forecasting.save(document, name: input.name!, actor: actor, now: req.now)
        return try await created(
            SavedForecastDTO(saved, document), req,
            location: .forecast(saved.id),
            resource: saved.id)
    }

    static func listForecasts(_ req: Request) async throws -> SavedForecastListDTO {
        let actor = try req.actor()
        let limit = try limit(req)
        var offset = 0
        if let cursor = req.query[String.self, at: "cursor"] {
            guard let n = Int(cursor), n >= 0 else {
                throw DomainError.invalid([
                    FieldError(field: "cursor", code: .invalidFormat, detail: "a next_cursor")
                ])
            }
            offset = n
        }
        let rows = try await ForecastStore(db: req.database).list(actor: actor, limit: limit + 1, offset: offset)
        return SavedForecastListDTO(
            items: rows.prefix(limit).map(SavedForecastSummaryDTO.init),
            next_cursor: rows.count > limit ? String(offset + limit) : nil)
    }

    static func getForecast(_ req: Request) async throws -> SavedForecastDTO {
        let (row, document) = try await Forecasting(db: req.database).saved(
            try req.uuidParameter("forecast"), actor: try req.actor())
        return SavedForecastDTO(row, document)
    }

    static func deleteForecast(_ req: Request) async throws -> Response {
        try await ForecastStore(db: req.database).delete(
            try req.uuidParameter("forecast"), actor: try req.actor(), now: req.now)
        return Response(status: .noContent)
    }

}
