import EarnedDomain
import FluentKit
import Foundation

/// A scored customer with their name, for lists.
public struct ScoredCustomer: Sendable, Hashable {
    public var score: CustomerScoreRow
    public var name: String
}

extension ScoreStore {
    /// Scored customers of a segment (or all), at risk only when asked, most valuable first and
    /// those without a lifetime value after them. Two index-ordered reads (valued, then not), so
    /// the order is the same on both databases, which sort NULL differently.
    public func scoredCustomers(segment: String?, atRiskOnly: Bool, limit: Int, offset: Int = 0) async throws
        -> [ScoredCustomer]
    {
        try await ScoreQueries.scoredCustomers(
            segment: segment, atRiskOnly: atRiskOnly, limit: limit, offset: offset, on: db)
    }
}
