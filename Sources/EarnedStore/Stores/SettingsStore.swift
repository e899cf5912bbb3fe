import EarnedDomain
import FluentKit
import Foundation

/// Business-wide settings, each a JSON document under a key; a missing one is the default.
public struct SettingsStore: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    public static let outreachKey = "outreach"
    public static let serviceKey = "service"

    public func outreach() async throws -> OutreachSettings {
        try await document(Self.outreachKey) ?? .standard
    }

    /// Changes the outreach settings (owner only), reporting every bad field.
    @discardableResult
    public func changeOutreach(_ draft: OutreachSettingsDraft, actor: Staff, now: Date) async throws
        -> OutreachSettings
    {
        try Policy.require(actor, .manageIntegrations)
        let settings = try draft.validated(existing: try await outreach())
        try await store(settings, under: Self.outreachKey, actor: actor, now: now)
        return settings
    }

    public func service() async throws -> ServiceRules {
        try await document(Self.serviceKey) ?? .standard
    }

    /// Changes the service rules (owner only), reporting every bad field.
    @discardableResult
    public func changeService(_ rules: ServiceRules, actor: Staff, now: Date) async throws -> ServiceRules {
        try Policy.require(actor, .manageIntegrations)
        let checked = try rules.validated()
        try await store(checked, under: Self.serviceKey, actor: actor, now: now)
        return checked
    }

    func document<T: Decodable>(_ key: String) async throws -> T? {
        guard let record = try await SettingsRecord.query(on: db).filter(\.$key == key).first() else { return nil }
        return try DocumentCoding.decode(T.self, record.document)
    }

    func store<T: Encodable>(_ value: T, under key: String, actor: Staff, now: Date) async throws {
        let document = try DocumentCoding.string(value)
        try await db.transaction { db in
            let record =
                try await SettingsRecord.query(on: db).filter(\.$key == key).first()
                ?? {
                    let made = SettingsRecord()
                    made.id = IDGenerator.next()
                    made.key = key
                    return made
                }()
            record.document = document
            record.updatedAt = now
            record.updatedByID = actor.id.rawValue
            try await record.save(on: db)
            try await AuditLog(db: db).record(
                .updated, "settings", IDGenerator.next(), by: actor, summary: key, at: now)
        }
    }

    /// Whether the scheduler already did the work named `key`.
    public func isMarked(_ key: String) async throws -> Bool {
        try await SettingsQueries.isMarked(key, on: db)
    }

    /// Records that the scheduler did the work named `key`; a second instance doing the same
    /// changes nothing.
    public func mark(_ key: String, at now: Date) async throws {
        try await SettingsQueries.mark(key, at: now, on: db)
    }
}
