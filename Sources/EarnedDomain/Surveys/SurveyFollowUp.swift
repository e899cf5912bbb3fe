import Foundation

/// What the closed loop does about one answer.
public enum SurveyFollowUp: Hashable, Codable, Sendable {
    /// A low answer: open a case for the person responsible.
    case openCase(SurveyCaseFollowUp)
    /// A promoter after an order who allowed it: ask for a referral.
    case askReferral(ServiceTask)

    public var caseFollowUp: SurveyCaseFollowUp? {
        if case .openCase(let followUp) = self { return followUp }
        return nil
    }

    public var referralTask: ServiceTask? {
        if case .askReferral(let task) = self { return task }
        return nil
    }
}
