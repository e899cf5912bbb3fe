import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// Duplicate suggestions: the pairs a person said are not the same customer (the two ids in
/// order, who said so, when), and the folded keys customers are matched on
/// (`DuplicateRule.nameKey`, `cityKey`, `externalKey`), indexed, so finding pairs among
/// 100,000 customers compares columns instead of folding names in SQL (SQLite's `lower` does
/// not know Cyrillic). Existing customers get their keys here.
struct CreateDuplicateDismissals: AsyncMigration {
    var name: String { "0022_CreateDuplicateDismissals" }

    func prepare(on database: any Database) async throws {
        try await database.schema("duplicate_dismissals")
            .id()
            .field("first_id", .uuid, .required, .references("customers", "id", onDelete: .cascade))
            .field("second_id", .uuid, .required, .references("customers", "id", onDelete: .cascade))
            .field("dismissed_by_id", .uuid, .references("staff", "id", onDelete: .setNull))
            .field("dismissed_at", .datetime, .required)
            .unique(on: "first_id", "second_id")
            .create()
        // SQLite adds one column a statement.
        for column in ["name_key", "city_key", "external_key"] {
            try await database.schema("customers").field(FieldKey(stringLiteral: column), .string).update()
        }
        let sql = database as! any SQLDatabase
        try await sql.create(index: "duplicate_dismissals_second").on("duplicate_dismissals").column("second_id").run()
        try await sql.create(index: "customers_name_key").on("customers").column("name_key").run()
        try await sql.create(index: "customers_external_key").on("customers").column("external_key").run()
        try await database.transaction { db in
            let sql = db as! any SQLDatabase
            let rows = try await sql.select().columns("id", "name", "external_id").from("customers")
                .where("merged_into_id", .is, SQLLiteral.null).where("erased_at", .is, SQLLiteral.null).all()
            for row in rows {
                let id = try row.decode(column: "id", as: UUID.self)
                let name = try row.decode(column: "name", as: String.self)
                let external = try row.decode(column: "external_id", as: String?.self)
                let nameKey = DuplicateRule.nameKey(name)
                let externalKey = DuplicateRule.externalKey(external)
                guard nameKey != nil || externalKey != nil else { continue }
                let update = sql.update("customers").where("id", .equal, id)
                if let nameKey { update.set("name_key", to: nameKey) }
                if let externalKey { update.set("external_key", to: externalKey) }
                try await update.run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "customers_external_key").run()
        try await sql.drop(index: "customers_name_key").run()
        for column in ["external_key", "city_key", "name_key"] {
            try await database.schema("customers").deleteField(FieldKey(stringLiteral: column)).update()
        }
        try await database.schema("duplicate_dismissals").delete()
    }
}
