import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// The reads of an incident's figure in SQL.
enum IncidentQueries {
    /// One affected customer: when they were told, when they first called or wrote since the
    /// incident was found, and their home location.
    struct Affected {
        var customerID: UUID
        var toldAt: Date?
        var firstInbound: Date?
        var home: LocationID?
    }

    /// Every affected customer of `incident` in one grouped read, whatever their number.
    static func affected(_ incident: Incident, on db: any Database) async throws -> [Affected] {
        let sql = try db.sql
        return try await sql.raw(
            """
            SELECT ic.customer_id AS customer_id, ic.told_at AS told_at, cu.home_location_id AS home,
                MIN(c.received_at) AS first_inbound
            FROM incident_customers ic
            LEFT JOIN customers cu ON cu.id = ic.customer_id
            LEFT JOIN inbound_contacts c ON c.customer_id = ic.customer_id AND c.received_at >= \(bind: incident.foundAt)
            WHERE ic.incident_id = \(bind: incident.id.rawValue)
            GROUP BY ic.customer_id, ic.told_at, cu.home_location_id
            """
        ).all().map { row in
            Affected(
                customerID: try row.decode(column: "customer_id", as: UUID.self),
                toldAt: try row.decode(column: "told_at", as: Date?.self),
                firstInbound: try row.decode(column: "first_inbound", as: Date?.self),
                home: try row.decode(column: "home", as: UUID?.self).map(LocationID.init))
        }
    }
}
