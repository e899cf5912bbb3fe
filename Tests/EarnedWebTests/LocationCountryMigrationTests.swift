import FluentKit
import Foundation
import SQLKit
import Testing
import Vapor

@testable import EarnedStore
@testable import EarnedWeb

@Suite("Migration 0026: a location's country")
struct LocationCountryMigrationTests {
    @Test("existing locations get their time zone's country, and Russia for any other zone")
    func backfill() async throws {
        try await withEarnedApp(seed: false) { app, _ in
            let migration = UpdateLocationsAddCountry()
            let zones = ["Europe/Berlin", "Europe/Moscow", "Asia/Yekaterinburg", "America/New_York"]
            let ids = Dictionary(uniqueKeysWithValues: zones.map { ($0, UUID()) })
            // One connection for the whole change: a pooled in-memory database may show another
            // connection the schema from before the revert.
            try await app.db.transaction { db in
                try await migration.revert(on: db)
                let sql = try db.sql
                for zone in zones {
                    try await sql.insert(into: "locations")
                        .columns(
                            "id", "name", "time_zone", "hours_json", "special_days_json", "shifts_json", "created_at",
                            "updated_at"
                        )
                        .values(
                            SQLBind(ids[zone]!), SQLBind(zone), SQLBind(zone), SQLBind("{}"), SQLBind("[]"),
                            SQLBind("[]"), SQLBind(Date()), SQLBind(Date())
                        ).run()
                }
                try await migration.prepare(on: db)
            }
            let sql = try app.db.sql
            var countries: [String: String] = [:]
            for row in try await sql.select().column("id").column("country").from("locations").all() {
                let id = try row.decode(column: "id", as: UUID.self)
                let zone = try #require(ids.first { $0.value == id }?.key)
                countries[zone] = try row.decode(column: "country", as: String?.self)
            }
            #expect(
                countries == [
                    "Europe/Berlin": "DE", "Europe/Moscow": "RU", "Asia/Yekaterinburg": "RU", "America/New_York": "RU",
                ])
        }
    }
}
