import Foundation

/// A customer's first service moment of one kind — their first decided promise (by its original
/// due time) or first answered contact (by when it came in) — and whether it let them down: the
/// promise broken or kept late (`PromiseOutcome.isFailed`), the first reply after its target.
/// The cost of a failure is measured from there: what the customer bought before cannot have
/// been caused by it.
public struct ServiceMoment: Hashable, Codable, Sendable {
    public var at: Date
    public var failed: Bool
    /// Whether it was a promise made with an order (its delivery, a repair ready), rather than one
    /// staff made of their own accord or a contact. Those come with the buying itself and fail at
    /// other rates than a call back promised, so the customers who get each differ.
    public var withOrder: Bool

    public init(at: Date, failed: Bool, withOrder: Bool = false) {
        self.at = at
        self.failed = failed
        self.withOrder = withOrder
    }

    /// The moment a promise makes, judged at `now`; nil while it is open or overdue.
    public static func of(_ promise: Promise, now: Date) -> ServiceMoment? {
        let outcome = promise.outcome(at: now)
        guard outcome.isDecided else { return nil }
        return ServiceMoment(
            at: promise.originalDueAt, failed: outcome.isFailed, withOrder: promise.link?.kind == .order)
    }

    /// The moment a contact makes, from its first reply's state; nil until it is answered.
    public static func of(_ contact: InboundContact, firstReply state: TargetStatus.State) -> ServiceMoment? {
        guard state == .met || state == .missed else { return nil }
        return ServiceMoment(at: contact.receivedAt, failed: state == .missed)
    }
}

/// Every customer's first service moment of each kind, gathered from their promises and contacts
/// in any order: what `earned score` measures the cost of a failure from, and where the demo plants
/// one.
public struct FirstServiceMoments: Sendable {
    public private(set) var promises: [CustomerID: ServiceMoment] = [:]
    public private(set) var contacts: [CustomerID: ServiceMoment] = [:]

    public init() {}

    /// The first moments of these promises, judged at `now`, and of these contacts, each by its
    /// first reply's state (`firstReply`; nil: not measured).
    public init(
        promises: some Sequence<Promise>, contacts: some Sequence<InboundContact>, now: Date,
        firstReply: (InboundContact) -> TargetStatus.State?
    ) {
        for p in promises { add(p, now: now) }
        for c in contacts { add(c, firstReply: firstReply(c)) }
    }

    /// Counts a promise, judged at `now`.
    public mutating func add(_ promise: Promise, now: Date) {
        Self.keepFirst(.of(promise, now: now), in: &promises[promise.customerID])
    }

    /// Counts a contact by its first reply's state (nil: not measured).
    public mutating func add(_ contact: InboundContact, firstReply state: TargetStatus.State?) {
        guard let customer = contact.customerID, let state else { return }
        Self.keepFirst(.of(contact, firstReply: state), in: &contacts[customer])
    }

    /// The customer's first service moment of both kinds: the earlier of their first promise's and
    /// first contact's (the promise's on a tie), and whether it is the contact's.
    public func first(of customer: CustomerID) -> (moment: ServiceMoment, isContact: Bool)? {
        switch (promises[customer], contacts[customer]) {
        case (let p?, let c?): c.at < p.at ? (c, true) : (p, false)
        case (let p?, nil): (p, false)
        case (nil, let c?): (c, true)
        case (nil, nil): nil
        }
    }

    private static func keepFirst(_ moment: ServiceMoment?, in first: inout ServiceMoment?) {
        guard let moment else { return }
        if let seen = first, seen.at <= moment.at { return }
        first = moment
    }
}
