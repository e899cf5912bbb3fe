import Foundation

/// What makes a survey go out.
public enum SurveyTrigger: Hashable, Codable, Sendable {
    /// An order was delivered or its service started (subject: the order; person: the seller).
    case orderDelivered
    /// An inbound contact was resolved (subject: the contact; person: its owner).
    case contactResolved
    /// A service case was closed by the customer's confirmation (subject: the case; person: its
    /// owner).
    case caseClosed
    /// A relationship survey, at most once per `intervalDays` per customer (subject: the customer;
    /// person: the relationship owner).
    case relationship(intervalDays: Int)

    /// The allowed interval of a relationship survey, in days.
    public static let intervalLimits = 7...730

    /// "order_delivered", "contact_resolved", "case_closed" or "relationship".
    public var key: String {
        switch self {
        case .orderDelivered: "order_delivered"
        case .contactResolved: "contact_resolved"
        case .caseClosed: "case_closed"
        case .relationship: "relationship"
        }
    }

    /// The kind of subject a survey of this trigger is about.
    /// The trigger its `key` names; a relationship survey asks every `intervalDays`. Nil for
    /// an unknown key.
    public init?(key: String, intervalDays: Int) {
        switch key {
        case "order_delivered": self = .orderDelivered
        case "contact_resolved": self = .contactResolved
        case "case_closed": self = .caseClosed
        case "relationship": self = .relationship(intervalDays: intervalDays)
        default: return nil
        }
    }

    /// Every trigger's key, for choices and messages.
    public static let keys = ["order_delivered", "contact_resolved", "case_closed", "relationship"]

    public var subjectKind: ServiceTask.Subject.Kind {
        switch self {
        case .orderDelivered: .order
        case .contactResolved: .contact
        case .caseClosed: .serviceCase
        case .relationship: .customer
        }
    }
}
