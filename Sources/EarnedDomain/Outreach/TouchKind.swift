/// What a contact initiated by the business was for, as far as the contact-fatigue budget cares.
public enum TouchKind: String, Codable, Sendable, CaseIterable {
    /// A birthday, purchase-anniversary or holiday greeting.
    case greeting
    /// An after-sale follow-up ("how is the coffee machine doing?").
    case followUp = "follow_up"
    /// A satisfaction survey or a request for a review.
    case survey
    /// Call-first outreach about an incident: telling customers of a problem before they find it.
    case outreach
    /// Anything else the business sends on its own initiative (news, invitations, marketing-like
    /// touches).
    case other

    /// Whether a touch of this kind uses up the customer's fatigue budget.
    ///
    /// Call-first incident outreach does not: it is a service obligation, not a courtesy. A
    /// customer who bought a faulty batch must be told however many greetings they got this
    /// month, and telling them must not crowd out — or be crowded out by — the touches that are
    /// optional. Every other kind is optional and counts.
    public var countsAgainstBudget: Bool {
        switch self {
        case .outreach: false
        case .greeting, .followUp, .survey, .other: true
        }
    }
}
