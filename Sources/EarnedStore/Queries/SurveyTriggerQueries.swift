import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// The events a survey follows that Fluent's builders cannot read in one statement.
enum SurveyTriggerQueries {
    /// Customers with an order placed at or after `since`, each once.
    static func customersBuyingSince(_ since: Date, on db: any Database) async throws -> [CustomerID] {
        let sql = try db.sql
        return try await sql.raw(
            "SELECT DISTINCT customer_id FROM orders WHERE placed_at >= \(bind: since)"
        ).all().map { CustomerID(try $0.decode(column: "customer_id", as: UUID.self)) }
    }
}
