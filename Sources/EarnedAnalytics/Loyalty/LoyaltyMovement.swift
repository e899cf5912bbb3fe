import Foundation

/// How customers moved between Dick & Basu (1994) segments from one period to the next: a
/// from × to matrix of counts (a transition table; rows sum to the first period's counts,
/// columns to the second's).
public struct LoyaltyMovement: Hashable, Codable, Sendable {
    /// counts[from.ordinal][to.ordinal]: customers in `from` in the first period and `to` in the
    /// second.
    public let counts: [[Int]]

    /// The movement of the same customers, `from[i]` and `to[i]` being customer i's segments in
    /// the two periods. Throws `AnalyticsError.mismatchedLengths` when the arrays differ in
    /// length.
    public init(from: [LoyaltySegment], to: [LoyaltySegment]) throws {
        guard from.count == to.count else { throw AnalyticsError.mismatchedLengths }
        let size = LoyaltySegment.allCases.count
        var counts = [[Int]](repeating: [Int](repeating: 0, count: size), count: size)
        for (before, after) in zip(from, to) { counts[before.ordinal][after.ordinal] += 1 }
        self.counts = counts
    }

    /// Customers who were in `from` and are in `to`.
    public func count(from: LoyaltySegment, to: LoyaltySegment) -> Int { counts[from.ordinal][to.ordinal] }

    /// Customers in `segment` in the first period (the row sum).
    public func countBefore(_ segment: LoyaltySegment) -> Int { counts[segment.ordinal].reduce(0, +) }

    /// Customers in `segment` in the second period (the column sum).
    public func countAfter(_ segment: LoyaltySegment) -> Int { counts.reduce(0) { $0 + $1[segment.ordinal] } }

    /// Customers counted.
    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }

    /// Customers whose segment did not change (the diagonal).
    public var stayed: Int { counts.indices.reduce(0) { $0 + counts[$1][$1] } }

    /// Customers whose segment changed.
    public var moved: Int { total - stayed }
}
