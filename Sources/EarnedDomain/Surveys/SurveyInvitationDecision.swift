import Foundation

/// What the planner decided for one trigger event: an invitation, or why there is none.
public enum SurveyInvitationDecision: Hashable, Codable, Sendable {
    case planned(PlannedSurveyInvitation)
    case skipped(key: String, reason: SkipReason)

    /// Why an event gets no invitation.
    public enum SkipReason: String, Codable, Sendable, CaseIterable {
        /// The survey is switched off.
        case inactive
        /// The event does not fit the survey (another trigger, another customer, not happened yet).
        case notApplicable = "not_applicable"
        /// The customer's personal data was erased.
        case erased
        /// Not drawn by the sampling rate (the same draw every time for the same event).
        case notSampled = "not_sampled"
        /// No written channel (messenger, SMS, e-mail) the customer consented to.
        case noConsent = "no_consent"
        /// The fatigue budget is used up at the time the invitation would go out.
        case fatigueBudget = "fatigue_budget"
    }

    /// The invitation's unique key, planned or not.
    public var key: String {
        switch self {
        case .planned(let invitation): invitation.key
        case .skipped(let key, _): key
        }
    }

    public var planned: PlannedSurveyInvitation? {
        if case .planned(let invitation) = self { return invitation }
        return nil
    }

    public var skipReason: SkipReason? {
        if case .skipped(_, let reason) = self { return reason }
        return nil
    }
}
