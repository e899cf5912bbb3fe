import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// One record behind a scorecard figure, as stored by the last run.
public struct ScoreObservationRow: Sendable, Hashable {
    public var step: String
    public var recordID: UUID
    /// "promise", "order", "contact", "case", "answer" or "customer".
    public var recordKind: String?
    public var at: Date
    public var locationID: LocationID?
    public var staffID: StaffID?
    /// The person's department when the run counted it.
    public var team: String?
    public var success: Bool
    public var value: Double?
    public var slot: String?

    public init(
        step: String, recordID: UUID, recordKind: String?, at: Date, locationID: LocationID?, staffID: StaffID?,
        team: String?, success: Bool, value: Double?, slot: String?
    ) {
        self.step = step
        self.recordID = recordID
        self.recordKind = recordKind
        self.at = at
        self.locationID = locationID
        self.staffID = staffID
        self.team = team
        self.success = success
        self.value = value
        self.slot = slot
    }
}

/// Which stored observations to list or count: one step over [from, to), narrowed to a
/// location, team or person, and to those that met the step or did not.
public struct ScoreObservationFilter: Sendable, Hashable {
    public var step: String
    public var from: Date
    public var to: Date
    public var locationID: LocationID?
    public var team: String?
    public var staffID: StaffID?
    /// nil: both.
    public var success: Bool?
    /// Only these slots, when set.
    public var slots: [String]?

    public init(
        step: String, from: Date, to: Date, locationID: LocationID? = nil, team: String? = nil,
        staffID: StaffID? = nil, success: Bool? = nil
    ) {
        self.step = step
        self.from = from
        self.to = to
        self.locationID = locationID
        self.team = team
        self.staffID = staffID
        self.success = success
    }
}

/// The customer a listed record belongs to, for its line in a list.
public struct ScoreRecordSubject: Sendable, Hashable {
    public var customerID: CustomerID?
    public var customerName: String?
    /// For a survey answer: its invitation, where the answer can be read.
    public var invitationID: UUID?
}

extension ScoreStore {
    /// Replaces every stored observation with `rows`, in one transaction.
    public func replaceObservations(_ rows: [ScoreObservationRow], at now: Date) async throws {
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            try await sql.delete(from: "score_observations").run()
            let columns = [
                "id", "step", "record_id", "record_kind", "at", "location_id", "staff_id", "team", "success", "value",
                "slot", "computed_at",
            ]
            try await BulkWriter(db: db).insert(
                "score_observations", columns: columns,
                rows: rows.map { r in
                    [
                        .uuid(IDGenerator.next()), .text(r.step), .uuid(r.recordID), .text(r.recordKind), .date(r.at),
                        .uuid(r.locationID?.rawValue), .uuid(r.staffID?.rawValue), .text(r.team), .bool(r.success),
                        r.value.map(BulkValue.real) ?? .null, .text(r.slot), .date(now),
                    ]
                })
        }
    }

    func filtered(_ select: SQLSelectBuilder, _ f: ScoreObservationFilter) -> SQLSelectBuilder {
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
    public func observations(_ filter: ScoreObservationFilter, limit: Int, offset: Int = 0) async throws
        -> [ScoreObservationRow]
    {
        let sql = db as! any SQLDatabase
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
    public func tallies(recordIDs: [UUID]) async throws -> [String: (total: Int, successes: Int)] {
        guard !recordIDs.isEmpty else { return [:] }
        let sql = db as! any SQLDatabase
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
    public func subjects(kind: String, ids: [UUID]) async throws -> [UUID: ScoreRecordSubject] {
        guard !ids.isEmpty else { return [:] }
        let sql = db as! any SQLDatabase
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
