import EarnedDomain

/// What a demo case is about, which decides who it is handed to and what puts it right.
enum DemoCaseTopic: Sendable {
    /// A faulty or unsuitable product: the repair desk looks at it; replaced, repaired,
    /// explained or partly refunded.
    case product
    /// A repair that did not hold: back to the repair desk.
    case service
    /// A late or wrong delivery: the couriers; an apology, a small gift or a new delivery.
    case delivery
    /// How someone spoke to the customer: an apology.
    case conduct
    /// Money taken wrongly: a refund.
    case billing
}
