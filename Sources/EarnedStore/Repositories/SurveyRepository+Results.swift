import EarnedDomain
import FluentKit
import Foundation

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
        try await SurveyResultQueries.tallies(from: from, to: to, locations: locations, now: now, on: db)
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
