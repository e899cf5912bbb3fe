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
            try await migration.revert(on: app.db)
            let sql = try app.db.sql
            let zones = ["Europe/Berlin", "Europe/Moscow", "Asia/Yekaterinburg", "America/New_York"]
            var ids: [String: UUID] = [:]
            for zone in zones {
                let id = UUID()
                ids[zone] = id
                try await sql.insert(into: "locations")
                    .columns(
                        "id", "name", "time_zone", "hours_json", "special_days_json", "shifts_json", "created_at",
                        "updated_at"
                    )
                    .values(
                        SQLBind(id), SQLBind(zone), SQLBind(zone), SQLBind("{}"), SQLBind("[]"), SQLBind("[]"),
                        SQLBind(Date()), SQLBind(Date())
                    ).run()
            }
            try await migration.prepare(on: app.db)
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
