import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// The records behind the scorecard's figures as the last run stored them: listed and
/// counted by step, period, place and person.
enum ScoreObservationQueries {
    /// Deletes every stored observation (the caller's transaction writes the new set).
    static func deleteAll(on db: any Database) async throws {
        let sql = try db.sql
        try await sql.delete(from: "score_observations").run()
    }

    static func filtered(_ select: SQLSelectBuilder, _ f: ScoreObservationFilter) -> SQLSelectBuilder {
        var q = select.from("score_observations").where("step", .equal, f.step).where("at", .greaterThanOrEqual, f.from)
            .where("at", .lessThan, f.to)
        if let id = f.locationID { q = q.where("location_id", .equal, id.rawValue) }
        if let team = f.team { q = q.where("team", .equal, team) }
        if let id = f.staffID { q = q.where("staff_id", .equal, id.rawValue) }
        if let success = f.success { q = q.where("success", .equal, success) }
        if let slots = f.slots { q = q.where("slot", .in, SQLBind.group(slots.isEmpty ? [""] : slots)) }
        return q
    }

    /// The observations the filter selects, newest first.
    static func observations(_ filter: ScoreObservationFilter, limit: Int, offset: Int, on db: any Database)
        async throws -> [ScoreObservationRow]
    {
        let sql = try db.sql
        return try await filtered(sql.select().column("*"), filter).orderBy("at", .descending)
            .orderBy("record_id", .descending).limit(limit).offset(offset).all()
            .map { row in
                ScoreObservationRow(
                    step: try row.decode(column: "step", as: String.self),
                    recordID: try row.decode(column: "record_id", as: UUID.self),
                    recordKind: try row.decode(column: "record_kind", as: String?.self),
                    at: try row.decode(column: "at", as: Date.self),
                    locationID: try row.decode(column: "location_id", as: UUID?.self).map(LocationID.init),
                    staffID: try row.decode(column: "staff_id", as: UUID?.self).map(StaffID.init),
                    team: try row.decode(column: "team", as: String?.self),
                    success: try row.decode(column: "success", as: Bool.self),
                    value: try row.decode(column: "value", as: Double?.self),
                    slot: try row.decode(column: "slot", as: String?.self))
            }
    }

    /// Of the given records, how many the last run counted for each step and how many met it.
    static func tallies(recordIDs: [UUID], on db: any Database) async throws -> [String: (total: Int, successes: Int)] {
        let sql = try db.sql
        var out: [String: (total: Int, successes: Int)] = [:]
        for row in try await sql.select().columns("step", "success").from("score_observations")
            .where("record_id", .in, SQLBind.group(recordIDs)).all()
        {
            let step = try row.decode(column: "step", as: String.self)
            out[step, default: (0, 0)].total += 1
            if try row.decode(column: "success", as: Bool.self) { out[step, default: (0, 0)].successes += 1 }
        }
        return out
    }

    /// The customer each listed record belongs to, by record id.
    static func subjects(kind: String, ids: [UUID], on db: any Database) async throws -> [UUID: ScoreRecordSubject] {
        let sql = try db.sql
        if kind == "customer" {
            var out: [UUID: ScoreRecordSubject] = [:]
            for row in try await sql.select().columns("id", "name").from("customers").where("id", .in, ids).all() {
                let id = try row.decode(column: "id", as: UUID.self)
                out[id] = ScoreRecordSubject(
                    customerID: CustomerID(id), customerName: try row.decode(column: "name", as: String?.self))
            }
            return out
        }
        let tables = [
            "promise": "promises", "order": "orders", "contact": "inbound_contacts", "case": "service_cases",
            "answer": "survey_answers",
        ]
        guard let table = tables[kind] else { return [:] }
        var select = sql.select().column(SQLColumn("id", table: table), as: "record_id")
            .column(SQLColumn("customer_id", table: table), as: "customer_id")
            .column(SQLColumn("name", table: "customers"), as: "customer_name")
        if kind == "answer" { select = select.column(SQLColumn("invitation_id", table: table), as: "invitation_id") }
        let rows = try await select.from(table)
            .join(
                "customers", method: SQLJoinMethod.left, on: SQLColumn("customer_id", table: table), .equal,
                SQLColumn("id", table: "customers")
            )
            .where(SQLColumn("id", table: table), .in, SQLBind.group(ids)).all()
        var out: [UUID: ScoreRecordSubject] = [:]
        for row in rows {
            out[try row.decode(column: "record_id", as: UUID.self)] = ScoreRecordSubject(
                customerID: try row.decode(column: "customer_id", as: UUID?.self).map(CustomerID.init),
                customerName: try row.decode(column: "customer_name", as: String?.self),
                invitationID: kind == "answer" ? try row.decode(column: "invitation_id", as: UUID?.self) : nil)
        }
        return out
    }
}
