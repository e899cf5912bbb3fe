import Foundation

/// A customer's first service moment of one kind — their first decided promise (by its original
/// due time) or first answered contact (by when it came in) — and whether it let them down: the
/// promise broken or kept late (`PromiseOutcome.isFailed`), the first reply after its target.
/// The cost of a failure is measured from there: what the customer bought before cannot have
/// been caused by it.
public struct ServiceMoment: Hashable, Codable, Sendable {
    public var at: Date
    public var failed: Bool

    public init(at: Date, failed: Bool) {
        self.at = at
        self.failed = failed
    }

    /// The moment a promise makes, judged at `now`; nil while it is open or overdue.
    public static func of(_ promise: Promise, now: Date) -> ServiceMoment? {
        let outcome = promise.outcome(at: now)
        guard outcome.isDecided else { return nil }
        return ServiceMoment(at: promise.originalDueAt, failed: outcome.isFailed)
    }

    /// The moment a contact makes, from its first reply's state; nil until it is answered.
    public static func of(_ contact: InboundContact, firstReply state: TargetStatus.State) -> ServiceMoment? {
        guard state == .met || state == .missed else { return nil }
        return ServiceMoment(at: contact.receivedAt, failed: state == .missed)
    }

    /// A customer's first service moment of both kinds: the earlier of their first promise's and
    /// first contact's (the promise's on a tie), and whether it is the contact's.
    public static func first(promise: ServiceMoment?, contact: ServiceMoment?) -> (
        moment: ServiceMoment, isContact: Bool
    )? {
        switch (promise, contact) {
        case (let p?, let c?): c.at < p.at ? (c, true) : (p, false)
        case (let p?, nil): (p, false)
        case (nil, let c?): (c, true)
        case (nil, nil): nil
        }
    }

    /// Keeps the earlier of `moment` and what `first` holds.
    public static func keepFirst(_ moment: ServiceMoment?, in first: inout ServiceMoment?) {
        guard let moment else { return }
        if let seen = first, seen.at <= moment.at { return }
        first = moment
    }
}
