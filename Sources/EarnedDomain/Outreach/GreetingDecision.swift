/// What the planner decided for one customer on one day: a greeting, or why there is none.
public enum GreetingDecision: Hashable, Codable, Sendable {
    case planned(PlannedGreeting)
    case skipped(customerID: CustomerID, occasion: GreetingOccasion, reason: SkipReason)

    /// Why a customer with an occasion is not greeted.
    public enum SkipReason: String, Codable, Sendable, CaseIterable {
        /// The customer's personal data was erased.
        case erased
        /// No greeting channel (messenger, SMS, e-mail) the customer consented to.
        case noConsent = "no_consent"
        /// The fatigue budget is used up at the time the greeting would go out.
        case fatigueBudget = "fatigue_budget"
        /// No template for the occasion in any language.
        case noTemplate = "no_template"
    }

    public var customerID: CustomerID {
        switch self {
        case .planned(let greeting): greeting.customerID
        case .skipped(let customerID, _, _): customerID
        }
    }

    public var occasion: GreetingOccasion {
        switch self {
        case .planned(let greeting): greeting.occasion
        case .skipped(_, let occasion, _): occasion
        }
    }

    public var planned: PlannedGreeting? {
        if case .planned(let greeting) = self { return greeting }
        return nil
    }

    public var skipReason: SkipReason? {
        if case .skipped(_, _, let reason) = self { return reason }
        return nil
    }
}
