import Foundation

/// A customer base's loyalty segments at a glance: customers per Dick & Basu (1994) segment,
/// their shares, the customers at risk, and the "bought loyalty" figure of thesis T2 — the share
/// of repeat purchases (every order after a customer's first) that were bought with a discount.
public struct LoyaltyBaseSummary: Hashable, Codable, Sendable {
    /// Customers summarised.
    public let customers: Int
    /// Customers per segment, indexed by `LoyaltySegment.ordinal`.
    public let counts: [Int]
    /// Customers with at least one risk.
    public let atRisk: Int
    /// Repeat orders over the customers whose discount use is known.
    public let repeatPurchases: Int
    /// Repeat orders placed with a discount over the same customers.
    public let discountedRepeatPurchases: Int

    /// The summary of `assessments`, with each customer's discount use in the same order (nil
    /// where unknown: such a customer adds no repeat purchases). Throws
    /// `AnalyticsError.mismatchedLengths` when the arrays differ in length.
    public init(assessments: [LoyaltyAssessment], discounts: [DiscountUse?]) throws {
        guard assessments.count == discounts.count else { throw AnalyticsError.mismatchedLengths }
        var counts = [Int](repeating: 0, count: LoyaltySegment.allCases.count)
        for assessment in assessments { counts[assessment.segment.ordinal] += 1 }
        customers = assessments.count
        self.counts = counts
        atRisk = assessments.count { $0.isAtRisk }
        repeatPurchases = discounts.reduce(0) { $0 + ($1?.repeatOrders ?? 0) }
        discountedRepeatPurchases = discounts.reduce(0) { $0 + ($1?.discountedRepeatOrders ?? 0) }
    }

    /// Customers in `segment`.
    public func count(_ segment: LoyaltySegment) -> Int { counts[segment.ordinal] }

    /// Share of the customers in `segment`; nil for an empty base.
    public func share(_ segment: LoyaltySegment) -> Double? {
        customers > 0 ? Double(count(segment)) / Double(customers) : nil
    }

    /// Share of the customers at risk; nil for an empty base.
    public var atRiskShare: Double? { customers > 0 ? Double(atRisk) / Double(customers) : nil }

    /// Bought loyalty: discounted repeat purchases / repeat purchases; nil without repeat purchases.
    public var boughtLoyaltyShare: Double? {
        repeatPurchases > 0 ? Double(discountedRepeatPurchases) / Double(repeatPurchases) : nil
    }
}
