import Foundation

/// Everything Earned knows about one customer that bears on their loyalty segment: attitude
/// (survey answers, share of wallet, referrals), repeat patronage (purchases and BG/NBD
/// figures), dependence on discounts, and the service they received.
public struct LoyaltyEvidence: Hashable, Codable, Sendable {
    /// The customer's answered surveys, in any order (most customers have none).
    public var answers: [AttitudeAnswer]
    /// When each customer they brought was recorded (one date per referred customer).
    public var referralDates: [Date]
    /// Purchases so far and the BG/NBD outlook.
    public var patronage: PatronageEvidence
    /// Orders and spend on discount; nil when unknown (treated as not discount-dependent).
    public var discounts: DiscountUse?
    /// Service failures they met; nil when not looked at.
    public var service: ServiceReceived?

    /// The evidence of one customer.
    public init(
        answers: [AttitudeAnswer] = [], referralDates: [Date] = [], patronage: PatronageEvidence,
        discounts: DiscountUse? = nil, service: ServiceReceived? = nil
    ) {
        self.answers = answers
        self.referralDates = referralDates
        self.patronage = patronage
        self.discounts = discounts
        self.service = service
    }

    /// Number of customers they brought.
    public var referrals: Int { referralDates.count }
}
