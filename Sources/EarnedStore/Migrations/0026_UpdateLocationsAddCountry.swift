import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// A location's country (ISO 3166-1 alpha-2), whose holidays its customers are greeted on.
/// Existing rows get their time zone's country — Europe/Berlin Germany, the Russian zones
/// Russia — and any other zone the business default, Russia (`Country.forTimeZone`). The column
/// stays nullable, as SQLite adds columns; the app always writes it.
struct UpdateLocationsAddCountry: AsyncMigration {
    var name: String { "0026_UpdateLocationsAddCountry" }

    func prepare(on database: any Database) async throws {
        try await database.schema("locations").field("country", .string).update()
        let sql = try database.sql
        let rows = try await sql.select().column("id").column("time_zone").from("locations").all()
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            let zone = try row.decode(column: "time_zone", as: String.self)
            try await sql.update("locations").set("country", to: Country.forTimeZone(zone).rawValue)
                .where("id", .equal, id).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("locations").deleteField("country").update()
    }
}
