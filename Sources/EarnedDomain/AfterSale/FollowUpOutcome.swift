import Foundation

/// What came of one after-sale follow-up: whether the customer was reached, whether they are
/// satisfied, any problem found (which opens a service case) and whether a referral was asked.
public struct FollowUpOutcome: Hashable, Codable, Sendable {
    public var reached: Bool
    /// nil when not asked or not reached.
    public var satisfied: Bool?
    /// A problem the customer raised; one opens a service case.
    public var problem: String?
    public var referralAsked: Bool
    public var note: String?

    public init(
        reached: Bool, satisfied: Bool? = nil, problem: String? = nil, referralAsked: Bool = false,
        note: String? = nil
    ) {
        self.reached = reached
        self.satisfied = satisfied
        self.problem = problem
        self.referralAsked = referralAsked
        self.note = note
    }

    /// Whether a service case should be opened for the problem found.
    public var opensCase: Bool { problem != nil }
}

/// What a person or the API supplies to record a follow-up's outcome.
public struct FollowUpOutcomeDraft: Sendable, Codable, Hashable {
    public var reached: Bool?
    public var satisfied: Bool?
    public var problem: String?
    public var referralAsked: Bool?
    public var note: String?

    public init(
        reached: Bool? = nil, satisfied: Bool? = nil, problem: String? = nil, referralAsked: Bool? = nil,
        note: String? = nil
    ) {
        self.reached = reached
        self.satisfied = satisfied
        self.problem = problem
        self.referralAsked = referralAsked
        self.note = note
    }

    /// The longest problem or note, in characters.
    public static let textLimit = 2000

    /// The outcome, or every bad field at once: `reached` is required; `satisfied` and a
    /// `problem` need the customer reached; a referral may be asked only of a customer who said
    /// they are satisfied (`referral_asked`). Texts are trimmed, empty ones dropped.
    public func validated() throws(DomainError) -> FollowUpOutcome {
        var v = Validator()
        if reached == nil { v.add("reached", .required) }
        let reached = reached ?? false
        let problem = v.text("problem", problem, max: Self.textLimit)
        let note = v.text("note", note, max: Self.textLimit)
        if satisfied != nil, !reached {
            v.add("satisfied", .inconsistent, detail: "only a customer who was reached can say")
        }
        if problem != nil, !reached {
            v.add("problem", .inconsistent, detail: "only a customer who was reached can raise a problem")
        }
        let referralAsked = referralAsked ?? false
        if referralAsked, satisfied != true {
            v.add("referral_asked", .inconsistent, detail: "ask for a referral only when the customer is satisfied")
        }
        try v.check()
        return FollowUpOutcome(
            reached: reached, satisfied: satisfied, problem: problem, referralAsked: referralAsked, note: note)
    }
}
