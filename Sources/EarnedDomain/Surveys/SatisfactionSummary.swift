import Foundation

/// CSAT of a set of 1–5 answers: the share satisfied (`Satisfaction`: 4–5) and the mean. Values outside 1–5 are
/// ignored. (Its Wilson interval is EarnedAnalytics' `WilsonInterval(successes: satisfied,
/// trials: count)`.)
public struct SatisfactionSummary: Hashable, Codable, Sendable {
    public let count: Int
    /// Answers of 4 or 5.
    public let satisfied: Int
    public let mean: Double

    /// Nil with no valid answer.
    public init?(answers: [Int]) {
        let valid = answers.filter { Satisfaction(csat: $0) != nil }
        guard !valid.isEmpty else { return nil }
        count = valid.count
        satisfied = valid.filter { Satisfaction(csat: $0) == .satisfied }.count
        mean = Double(valid.reduce(0, +)) / Double(valid.count)
    }

    /// Satisfied answers / all answers, 0…1.
    public var satisfiedShare: Double { Double(satisfied) / Double(count) }
}
