import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// One contact's survey verdict on speed beside its measured first response.
public struct PerceivedSpeedSample: Hashable, Sendable {
    public var channel: InboundContact.Channel
    public var fastEnough: Bool
    /// Seconds from the contact coming in to the first reply; nil when none was recorded.
    public var firstResponse: TimeInterval?
}

extension SurveyRepository {
    /// What the results pages read: answers and invitations in `[from, to]`, of the given
    /// locations (nil: all), counted by attribution and scores in the database.
    public func tallies(
        from: Date, to: Date, locations: Set<LocationID>?, now: Date
    ) async throws -> (answers: [SurveyTally], invitations: [InvitationTally]) {
        let sql = db as! any SQLDatabase
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

    /// Contacts whose customers said whether the reply was fast enough, with the measured
    /// first response of each, for "perceived against measured" per channel.
    public func perceivedSpeed(from: Date, to: Date, locations: Set<LocationID>?) async throws
        -> [PerceivedSpeedSample]
    {
        let query = SurveyAnswerRecord.query(on: db).filter(\.$subjectKind == "contact")
            .filter(\.$fastEnough != nil).filter(\.$answeredAt >= from).filter(\.$answeredAt <= to)
        if let locations { query.filter(\.$locationID ~~ locations.map(\.rawValue)) }
        let answers = try await query.field(\.$subjectID).field(\.$fastEnough).all()
        var verdicts: [UUID: Bool] = [:]
        for answer in answers { if let id = answer.subjectID, let fast = answer.fastEnough { verdicts[id] = fast } }
        var samples: [PerceivedSpeedSample] = []
        let ids = Array(verdicts.keys)
        for start in stride(from: 0, to: ids.count, by: 500) {
            let batch = Array(ids[start..<min(start + 500, ids.count)])
            for record in try await InboundContactRecord.query(on: db).filter(\.$id ~~ batch).all() {
                let contact = try record.domain()
                guard let fast = verdicts[contact.id.rawValue] else { continue }
                samples.append(
                    PerceivedSpeedSample(
                        channel: contact.channel, fastEnough: fast,
                        firstResponse: contact.firstResponseAt.map { $0.timeIntervalSince(contact.receivedAt) }))
            }
        }
        return samples
    }
}
