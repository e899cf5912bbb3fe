import Foundation

public typealias ContactID = Identifier<InboundContact>

/// A customer (or someone not yet known as one) reaching the business: a call, an e-mail, a chat,
/// a messenger message, a review on a public site or a visit. It carries the reply clock's
/// inputs: when it came in, when it was first answered and resolved, and the stretches spent
/// waiting on the customer, which do not count against the targets.
public struct InboundContact: Hashable, Codable, Sendable, Identifiable {
    /// How the contact came in.
    public enum Channel: String, Codable, Sendable, CaseIterable, CodingKeyRepresentable {
        case call
        case email
        case chat
        case messenger
        case review
        case visit
    }

    /// Where the contact stands, derived from its times.
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// Nobody has replied yet.
        case new
        /// Replied to, not resolved, not waiting.
        case inProgress = "in_progress"
        /// Waiting on the customer: the clocks are paused.
        case waitingOnCustomer = "waiting_on_customer"
        case resolved
    }

    public var id: ContactID
    public var channel: Channel
    public var priority: Priority
    /// The customer, once known; a review or a first call may come from someone not on file.
    public var customerID: CustomerID?
    /// The location whose business hours the reply clock counts in.
    public var locationID: LocationID
    public var receivedAt: Date
    public var subject: String
    public var body: String?
    /// The phone number, e-mail address or handle the contact came from, as given.
    public var fromAddress: String?
    /// The staff member who answers it.
    public var ownerID: StaffID?
    public var firstResponseAt: Date?
    public var resolvedAt: Date?
    /// Finished stretches of waiting on the customer, in order.
    public var waiting: [DateInterval]
    /// The start of the current wait on the customer; nil when not waiting.
    public var waitingSince: Date?
    /// The service case opened from this contact, if any.
    public var caseID: CaseID?
    /// The contact's id in the system it came from (telephony, help desk, review site).
    public var externalID: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: ContactID = ContactID(), channel: Channel, priority: Priority = .normal, customerID: CustomerID? = nil,
        locationID: LocationID, receivedAt: Date, subject: String, body: String? = nil, fromAddress: String? = nil,
        ownerID: StaffID? = nil, firstResponseAt: Date? = nil, resolvedAt: Date? = nil, waiting: [DateInterval] = [],
        waitingSince: Date? = nil, caseID: CaseID? = nil, externalID: String? = nil, createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.channel = channel
        self.priority = priority
        self.customerID = customerID
        self.locationID = locationID
        self.receivedAt = receivedAt
        self.subject = subject
        self.body = body
        self.fromAddress = fromAddress
        self.ownerID = ownerID
        self.firstResponseAt = firstResponseAt
        self.resolvedAt = resolvedAt
        self.waiting = waiting
        self.waitingSince = waitingSince
        self.caseID = caseID
        self.externalID = externalID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public var status: Status {
        if resolvedAt != nil { return .resolved }
        if waitingSince != nil { return .waitingOnCustomer }
        return firstResponseAt == nil ? .new : .inProgress
    }

    public var isResolved: Bool { resolvedAt != nil }

    /// The waiting stretches up to `now`: the finished ones and the current one cut at `now`.
    public func pauses(until now: Date) -> [DateInterval] {
        var result = waiting
        if let waitingSince, waitingSince < now { result.append(DateInterval(start: waitingSince, end: now)) }
        return result
    }
}
