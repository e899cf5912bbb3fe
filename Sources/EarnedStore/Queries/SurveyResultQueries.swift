import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// What the survey results pages read, counted in the database: answers and invitations in a
/// period, of some locations, grouped by attribution and scores.
enum SurveyResultQueries {
    /// Answers in `[from, to]` and invitations sent in `[from, min(to, now)]`, of `locations`
    /// (nil: all; empty: none).
    static func tallies(
        from: Date, to: Date, locations: Set<LocationID>?, now: Date, on db: any Database
    ) async throws -> (answers: [SurveyTally], invitations: [InvitationTally]) {
        let sql = try db.sql
        func locationFilter() -> SQLQueryString {
            guard let locations else { return "" }
            guard !locations.isEmpty else { return " AND 1 = 0" }
            return " AND location_id IN (\(binds: locations.map(\.rawValue)))"
        }
        let answerRows = try await sql.raw(
            """
            SELECT definition_id, location_id, shift_name, staff_id, served_channel, csat, nps, ces, fast_enough,
                COUNT(*) AS n
            FROM survey_answers WHERE answered_at >= \(bind: from) AND answered_at <= \(bind: to)\(locationFilter())
            GROUP BY definition_id, location_id, shift_name, staff_id, served_channel, csat, nps, ces, fast_enough
            """
        ).all()
        let answers = try answerRows.map { row in
            SurveyTally(
                definitionID: try row.decode(column: "definition_id", as: UUID?.self).map(SurveyDefinitionID.init),
                locationID: try row.decode(column: "location_id", as: UUID?.self).map(LocationID.init),
                shiftName: try row.decode(column: "shift_name", as: String?.self),
                staffID: try row.decode(column: "staff_id", as: UUID?.self).map(StaffID.init),
                channel: try row.decode(column: "served_channel", as: String?.self),
                csat: try row.decode(column: "csat", as: Int?.self), nps: try row.decode(column: "nps", as: Int?.self),
                ces: try row.decode(column: "ces", as: Int?.self),
                fastEnough: try row.decode(column: "fast_enough", as: Bool?.self),
                count: try row.decode(column: "n", as: Int.self))
        }
        let sentBefore = min(to, now)
        let invitationRows = try await sql.raw(
            """
            SELECT definition_id, location_id, shift_name, staff_id, served_channel, COUNT(*) AS n,
                SUM(CASE WHEN state = 'answered' THEN 1 ELSE 0 END) AS answered
            FROM survey_invitations WHERE send_at >= \(bind: from) AND send_at <= \(bind: sentBefore)\(locationFilter())
            GROUP BY definition_id, location_id, shift_name, staff_id, served_channel
            """
        ).all()
        let invitations = try invitationRows.map { row in
            InvitationTally(
                definitionID: try row.decode(column: "definition_id", as: UUID?.self).map(SurveyDefinitionID.init),
                locationID: try row.decode(column: "location_id", as: UUID?.self).map(LocationID.init),
                shiftName: try row.decode(column: "shift_name", as: String?.self),
                staffID: try row.decode(column: "staff_id", as: UUID?.self).map(StaffID.init),
                channel: try row.decode(column: "served_channel", as: String?.self),
                sent: try row.decode(column: "n", as: Int.self),
                answered: try row.decode(column: "answered", as: Int?.self) ?? 0)
        }
        return (answers, invitations)
    }
}
