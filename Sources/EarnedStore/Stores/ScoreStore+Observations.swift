import EarnedDomain
import FluentKit
import Foundation

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
            try await ScoreObservationQueries.deleteAll(on: db)
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

    /// The observations the filter selects, newest first.
    public func observations(_ filter: ScoreObservationFilter, limit: Int, offset: Int = 0) async throws
        -> [ScoreObservationRow]
    {
        try await ScoreObservationQueries.observations(filter, limit: limit, offset: offset, on: db)
    }

    /// Of the given records, how many the last run counted for each step and how many met it.
    public func tallies(recordIDs: [UUID]) async throws -> [String: (total: Int, successes: Int)] {
        guard !recordIDs.isEmpty else { return [:] }
        return try await ScoreObservationQueries.tallies(recordIDs: recordIDs, on: db)
    }

    /// The customer each listed record belongs to, by record id.
    public func subjects(kind: String, ids: [UUID]) async throws -> [UUID: ScoreRecordSubject] {
        guard !ids.isEmpty else { return [:] }
        return try await ScoreObservationQueries.subjects(kind: kind, ids: ids, on: db)
    }
}
