import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// Business-wide settings, each a JSON document under a key; a missing one is the default.
public struct SettingsStore: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    public static let outreachKey = "outreach"

    public func outreach() async throws -> OutreachSettings {
        guard let record = try await SettingsRecord.query(on: db).filter(\.$key == Self.outreachKey).first() else {
            return .standard
        }
        return try DocumentCoding.decode(OutreachSettings.self, record.document)
    }

    /// Changes the outreach settings (owner only), reporting every bad field.
    @discardableResult
    public func changeOutreach(_ draft: OutreachSettingsDraft, actor: Staff, now: Date) async throws
        -> OutreachSettings
    {
        try Policy.require(actor, .manageIntegrations)
        let settings = try draft.validated(existing: try await outreach())
        let document = try DocumentCoding.string(settings)
        try await db.transaction { db in
            if let record = try await SettingsRecord.query(on: db).filter(\.$key == Self.outreachKey).first() {
                record.document = document
                record.updatedAt = now
                record.updatedByID = actor.id.rawValue
                try await record.update(on: db)
            } else {
                let record = SettingsRecord()
                record.id = IDGenerator.next()
                record.key = Self.outreachKey
                record.document = document
                record.updatedAt = now
                record.updatedByID = actor.id.rawValue
                try await record.create(on: db)
            }
            try await AuditLog(db: db).record(
                .updated, "settings", IDGenerator.next(), by: actor, summary: "outreach", at: now)
        }
        return settings
    }

    /// Whether the scheduler already did the work named `key`.
    public func isMarked(_ key: String) async throws -> Bool {
        let sql = db as! any SQLDatabase
        return try await sql.select().column("key").from("scheduler_marks").where("key", .equal, key).first() != nil
    }

    /// Records that the scheduler did the work named `key`; a second instance doing the same
    /// changes nothing.
    public func mark(_ key: String, at now: Date) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw(
            "INSERT INTO scheduler_marks (id, key, done_at) VALUES (\(bind: IDGenerator.next()), \(bind: key), \(bind: now)) ON CONFLICT (key) DO NOTHING"
        ).run()
    }
}
