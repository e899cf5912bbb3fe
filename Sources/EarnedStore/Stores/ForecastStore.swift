import EarnedDomain
import FluentKit
import Foundation

/// A saved forecast: what a list shows, and the whole document (inputs, the baseline they ran
/// on, results) as JSON.
public struct SavedForecast: Sendable, Hashable {
    public var id: UUID
    public var name: String
    public var kind: String
    public var createdByID: StaffID?
    public var createdAt: Date
    /// When the baseline the forecast ran on was computed.
    public var baselineAt: Date
    public var npvP50Minor: Int64
    public var probabilityOfLoss: Double
    public var verdict: String
    public var currency: String?
    /// Empty in lists.
    public var document: String

    public init(
        id: UUID, name: String, kind: String, createdByID: StaffID?, createdAt: Date, baselineAt: Date,
        npvP50Minor: Int64, probabilityOfLoss: Double, verdict: String, currency: String?, document: String
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.createdByID = createdByID
        self.createdAt = createdAt
        self.baselineAt = baselineAt
        self.npvP50Minor = npvP50Minor
        self.probabilityOfLoss = probabilityOfLoss
        self.verdict = verdict
        self.currency = currency
        self.document = document
    }

    init(_ r: ForecastScenarioRecord, document: Bool) {
        self.init(
            id: r.id!, name: r.name, kind: r.kind, createdByID: r.createdByID.map(StaffID.init), createdAt: r.createdAt,
            baselineAt: r.baselineAt, npvP50Minor: r.npvP50Minor, probabilityOfLoss: r.probabilityOfLoss,
            verdict: r.verdict, currency: r.currency, document: document ? r.document : "")
    }
}

/// Saved program forecasts. Only those who may forecast (the owner) read or change them, and
/// every save and delete is in the audit log.
public struct ForecastStore: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    /// The longest name.
    public static let nameLimit = 120

    /// What is wrong with a forecast's name: missing, or longer than `nameLimit` (callers check
    /// it before running a forecast only to have it refused).
    public static func nameErrors(_ name: String?) -> [FieldError] {
        var v = Validator()
        v.text("name", name, required: true, max: nameLimit)
        return v.errors
    }

    /// Saves a forecast under `forecast.name` and returns it with its id.
    public func save(_ forecast: SavedForecast, actor: Staff, now: Date) async throws -> SavedForecast {
        try Policy.require(actor, .forecastPrograms)
        let errors = Self.nameErrors(forecast.name)
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        let name = forecast.name.trimmingCharacters(in: .whitespacesAndNewlines)
        let record = ForecastScenarioRecord()
        record.id = UUID()
        record.name = name
        record.kind = forecast.kind
        record.createdByID = actor.id.rawValue
        record.createdAt = now
        record.baselineAt = forecast.baselineAt
        record.npvP50Minor = forecast.npvP50Minor
        record.probabilityOfLoss = forecast.probabilityOfLoss
        record.verdict = forecast.verdict
        record.currency = forecast.currency
        record.document = forecast.document
        try await db.transaction { db in
            try await record.create(on: db)
            try await AuditLog(db: db).record(
                .created, "forecast", record.id!, by: actor, summary: "name, inputs, results", at: now)
        }
        return SavedForecast(record, document: true)
    }

    /// The saved forecasts, newest first, without their documents.
    public func list(actor: Staff, limit: Int, offset: Int = 0) async throws -> [SavedForecast] {
        try Policy.require(actor, .forecastPrograms)
        return try await ForecastScenarioRecord.query(on: db).sort(\.$createdAt, .descending).sort(\.$id, .descending)
            .range(offset..<(offset + limit)).all().map { SavedForecast($0, document: false) }
    }

    public func count(actor: Staff) async throws -> Int {
        try Policy.require(actor, .forecastPrograms)
        return try await ForecastScenarioRecord.query(on: db).count()
    }

    /// One saved forecast with its document.
    public func get(_ id: UUID, actor: Staff) async throws -> SavedForecast {
        try Policy.require(actor, .forecastPrograms)
        guard let record = try await ForecastScenarioRecord.find(id, on: db) else {
            throw DomainError.notFound("forecast")
        }
        return SavedForecast(record, document: true)
    }

    public func delete(_ id: UUID, actor: Staff, now: Date) async throws {
        try Policy.require(actor, .forecastPrograms)
        guard let record = try await ForecastScenarioRecord.find(id, on: db) else {
            throw DomainError.notFound("forecast")
        }
        try await db.transaction { db in
            try await record.delete(on: db)
            try await AuditLog(db: db).record(.deleted, "forecast", id, by: actor, summary: record.name, at: now)
        }
    }
}
