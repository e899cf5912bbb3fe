import EarnedDomain
import FluentKit
import Foundation

extension SurveyRepository {
    /// Marks an invitation answered if it still was open; false when it was not (answered,
    /// expired or closed by now), so of a double submit, or two at once, one answer counts.
    public func claimForAnswer(_ id: SurveyInvitationID, now: Date) async throws -> Bool {
        try await SurveyInvitationQueries.claimForAnswer(id, now: now, on: db)
    }

    /// Stores an answer with the attribution of its invitation and the case it opened, if any.
    public func saveAnswer(
        _ answer: SurveyAnswer, attribution: SurveyAttribution, caseID: CaseID?, now: Date
    ) async throws -> SurveyResponse {
        let record = SurveyAnswerRecord(answer, attribution: attribution, now: now)
        record.caseID = caseID?.rawValue
        try await record.create(on: db)
        return record.domain
    }
}

extension CaseRepository {
    /// Stores a case the system opened (from a low survey answer): audited by nobody, told to
    /// webhook subscribers.
    public func insertOpenedBySystem(_ opened: ServiceCase, now: Date) async throws {
        try await Self.insert(opened, by: nil, now: now, on: db)
    }
}
