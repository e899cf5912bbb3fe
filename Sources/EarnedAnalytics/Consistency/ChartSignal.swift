import Foundation

/// A control chart's out-of-control signal at one point.
public struct ChartSignal: Hashable, Codable, Sendable {
    /// Which way the process moved.
    public enum Direction: String, Hashable, Codable, Sendable {
        /// Above the target.
        case up
        /// Below the target.
        case down
    }

    /// The point's position in the series (0-based).
    public var index: Int
    /// The point's period.
    public var period: Int
    /// Which way the process moved.
    public var direction: Direction
    /// CUSUM only: the index of the first point of the run that ended in the signal, the point
    /// after the sum was last 0 (Montgomery, 8th ed., §9.1: the shift began after period t − N, N the counter).
    public var runStartIndex: Int?
    /// CUSUM only: the estimated size of the shift in standard errors, k + C/N (Montgomery, 8th ed., §9.1),
    /// signed by direction.
    public var estimatedShift: Double?

    /// A signal from its parts.
    public init(
        index: Int, period: Int, direction: Direction, runStartIndex: Int? = nil, estimatedShift: Double? = nil
    ) {
        self.index = index
        self.period = period
        self.direction = direction
        self.runStartIndex = runStartIndex
        self.estimatedShift = estimatedShift
    }
}
