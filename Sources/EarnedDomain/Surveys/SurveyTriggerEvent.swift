import Foundation

/// Something that happened and may start a survey: the thing itself, as it is at planning time.
public enum SurveyTriggerEvent: Hashable, Codable, Sendable {
    case orderDelivered(Order)
    case contactResolved(InboundContact)
    case caseClosed(ServiceCase)
    /// A relationship survey's period for a customer, starting at `periodStart`.
    case relationship(customerID: CustomerID, periodStart: Date)

    /// Whether the event can start a survey of `trigger`.
    public func matches(_ trigger: SurveyTrigger) -> Bool {
        switch (self, trigger) {
        case (.orderDelivered, .orderDelivered), (.contactResolved, .contactResolved), (.caseClosed, .caseClosed),
            (.relationship, .relationship):
            true
        default: false
        }
    }

    /// The customer the event is about, if known.
    public var customerID: CustomerID? {
        switch self {
        case .orderDelivered(let order): order.customerID
        case .contactResolved(let contact): contact.customerID
        case .caseClosed(let serviceCase): serviceCase.customerID
        case .relationship(let customerID, _): customerID
        }
    }

    /// When it happened: delivery, resolution, the customer's confirmation, the period start; nil
    /// while it has not happened yet (an order not delivered, a contact not resolved, a case not
    /// closed).
    public var occurredAt: Date? {
        switch self {
        case .orderDelivered(let order): order.deliveredAt
        case .contactResolved(let contact): contact.resolvedAt
        case .caseClosed(let serviceCase): serviceCase.status == .closed ? serviceCase.confirmedAt : nil
        case .relationship(_, let start): start
        }
    }

    /// What the survey is about.
    public var subject: ServiceTask.Subject {
        switch self {
        case .orderDelivered(let order): .init(kind: .order, id: order.id.rawValue)
        case .contactResolved(let contact): .init(kind: .contact, id: contact.id.rawValue)
        case .caseClosed(let serviceCase): .init(kind: .serviceCase, id: serviceCase.id.rawValue)
        case .relationship(let customerID, _): .init(kind: .customer, id: customerID.rawValue)
        }
    }
}
