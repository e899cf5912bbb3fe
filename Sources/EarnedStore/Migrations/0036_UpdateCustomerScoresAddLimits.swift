import FluentKit
import FluentSQL

/// The 90 % limits of each customer's P(alive), expected purchases and lifetime value, beside
/// the figures (nullable: none when the fit's information matrix was singular, or before the
/// next score run). One column a statement, as SQLite adds them.
struct UpdateCustomerScoresAddLimits: AsyncMigration {
    var name: String { "0036_UpdateCustomerScoresAddLimits" }

    static let columns: [(FieldKey, DatabaseSchema.DataType)] = [
        ("p_alive_lower", .double), ("p_alive_upper", .double), ("expected_purchases_lower", .double),
        ("expected_purchases_upper", .double), ("clv_lower_minor", .int64), ("clv_upper_minor", .int64),
    ]

    func prepare(on database: any Database) async throws {
        for (column, type) in Self.columns {
            try await database.schema("customer_scores").field(column, type).update()
        }
    }

    func revert(on database: any Database) async throws {
        for (column, _) in Self.columns.reversed() {
            try await database.schema("customer_scores").deleteField(column).update()
        }
    }
}
