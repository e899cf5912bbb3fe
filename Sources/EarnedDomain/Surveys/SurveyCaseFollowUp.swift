import Foundation

/// A case to open for a low answer, with the time it must be followed up in.
public struct SurveyCaseFollowUp: Hashable, Codable, Sendable {
    /// The case: customer, location, owner (the attributed person; nil when nobody is attributed,
    /// and the service picks a manager), title and detail in the customer's language, source
    /// `.survey`, link to the answer. `openedByID` is left for the service (the automation's
    /// account).
    public var draft: ServiceCaseDraft
    /// The questions answered low, in the order CSAT, NPS, CES.
    public var lowQuestions: [SurveyQuestion.Kind]
    /// The follow-up target in business seconds (the survey's, 48 business hours by default).
    public var target: TimeInterval
    /// When the target runs out in the location's business hours; nil without a calendar.
    public var dueAt: Date?

    public init(draft: ServiceCaseDraft, lowQuestions: [SurveyQuestion.Kind], target: TimeInterval, dueAt: Date?) {
        self.draft = draft
        self.lowQuestions = lowQuestions
        self.target = target
        self.dueAt = dueAt
    }
}
