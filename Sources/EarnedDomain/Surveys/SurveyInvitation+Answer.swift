import Foundation

extension SurveyInvitation {
    /// Records the customer's answer: refused unless the link is open at `now` (`.expired`,
    /// `.alreadyAnswered`), or when a value is bad; otherwise the invitation becomes answered and
    /// the answer is returned. The invitation is unchanged when refused.
    public mutating func answer(
        _ draft: SurveyAnswerDraft, definition: SurveyDefinition, id: SurveyAnswerID, now: Date
    ) throws(SurveyAnswerError) -> SurveyAnswer {
        let access = SurveyAccess.check(self, now: now)
        guard access == .ok else { throw .refused(access) }
        guard definition.id == definitionID else { throw .refused(.unknown) }
        let values: SurveyAnswerValues
        do { values = try draft.validated(asking: definition.questions.map(\.kind)) } catch {
            if case .invalid(let errors) = error { throw .invalid(errors) }
            throw .invalid([])
        }
        storedState = .answered
        answeredAt = now
        return SurveyAnswer(
            id: id, invitationID: self.id, definitionID: definitionID, customerID: customerID, subject: subject,
            language: language, answeredAt: now, values: values)
    }
}
