import Foundation

/// CES of a set of 1–7 answers (higher is harder): the mean and the share of high effort (≥ 5,
/// or the survey's threshold). Values outside 1–7 are ignored.
public struct EffortSummary: Hashable, Codable, Sendable {
    public let count: Int
    /// Answers at or above `highEffortFrom`.
    public let highEffort: Int
    public let highEffortFrom: Int
    public let mean: Double

    /// Nil with no valid answer.
    public init?(answers: [Int], highEffortFrom: Int = LowScoreThresholds.standard.cesAtLeast) {
        let valid = answers.filter { (1...7).contains($0) }
        guard !valid.isEmpty else { return nil }
        count = valid.count
        self.highEffortFrom = highEffortFrom
        highEffort = valid.filter { $0 >= highEffortFrom }.count
        mean = Double(valid.reduce(0, +)) / Double(valid.count)
    }

    /// High-effort answers / all answers, 0…1.
    public var highEffortShare: Double { Double(highEffort) / Double(count) }
}
