import Foundation

/// The tabular two-sided cumulative-sum chart (Page 1954, "Continuous inspection schemes",
/// *Biometrika* 41, 100–115; Montgomery, *Introduction to Statistical Quality Control*, 8th ed.,
/// 2019, §9.1) on standardised values zᵢ: C⁺ᵢ = max(0, zᵢ − k + C⁺ᵢ₋₁) and
/// C⁻ᵢ = max(0, −zᵢ − k + C⁻ᵢ₋₁), starting at 0, with reference value k and decision interval h in
/// standard errors. A sum above h signals; the counters N⁺, N⁻ of consecutive non-zero sums date
/// the start of the shift and give its size k + C/N; after a signal both sums restart from 0.
public struct CUSUMChart: Hashable, Codable, Sendable {
    /// One plotted point.
    public struct Point: Hashable, Codable, Sendable {
        /// The point's position in the series (0-based).
        public var index: Int
        /// The point's period.
        public var period: Int
        /// The standardised input value zᵢ.
        public var value: Double
        /// The upper sum C⁺ᵢ (before any restart).
        public var upper: Double
        /// The lower sum C⁻ᵢ (before any restart; plotted as −C⁻ below the centre line).
        public var lower: Double
        /// N⁺: consecutive points up to this one with C⁺ > 0.
        public var upperRunLength: Int
        /// N⁻: consecutive points up to this one with C⁻ > 0.
        public var lowerRunLength: Int
        /// The signal at this point, if any.
        public var signal: ChartSignal?
    }

    /// The recursion on its own, fed one standardised value at a time.
    public struct Monitor: Hashable, Codable, Sendable {
        /// The reference value k (half the shift to detect, in standard errors).
        public let referenceValue: Double
        /// The decision interval h.
        public let decisionInterval: Double
        /// The current upper sum C⁺.
        public private(set) var upper: Double = 0
        /// The current lower sum C⁻.
        public private(set) var lower: Double = 0
        /// N⁺, consecutive values with C⁺ > 0.
        public private(set) var upperRunLength = 0
        /// N⁻, consecutive values with C⁻ > 0.
        public private(set) var lowerRunLength = 0
        /// Values observed.
        public private(set) var count = 0

        /// A monitor with k ≥ 0 and h > 0.
        public init(referenceValue: Double = 0.5, decisionInterval: Double = 5) throws {
            guard referenceValue >= 0, referenceValue.isFinite else {
                throw ConsistencyError.invalidParameter("k must not be negative")
            }
            guard decisionInterval > 0, decisionInterval.isFinite else {
                throw ConsistencyError.invalidParameter("h must be positive")
            }
            self.referenceValue = referenceValue
            self.decisionInterval = decisionInterval
        }

        /// What one value did: the sums and counters it produced (before any restart) and the signal.
        public struct Step: Hashable, Codable, Sendable {
            /// C⁺ after the value.
            public var upper: Double
            /// C⁻ after the value.
            public var lower: Double
            /// N⁺ after the value.
            public var upperRunLength: Int
            /// N⁻ after the value.
            public var lowerRunLength: Int
            /// The direction of the signal, if a sum exceeded h.
            public var direction: ChartSignal.Direction?
            /// With a signal: the index of the first value of the run that ended in it.
            public var runStartIndex: Int?
            /// With a signal: the estimated shift ±(k + C/N) in standard errors.
            public var estimatedShift: Double?
        }

        /// Adds the next standardised value; a sum above h signals (the larger excess decides the
        /// direction), and then both sums restart from 0 for the next value.
        public mutating func observe(_ z: Double) -> Step {
            let index = count
            count += 1
            upper = max(0, z - referenceValue + upper)
            lower = max(0, -z - referenceValue + lower)
            upperRunLength = upper > 0 ? upperRunLength + 1 : 0
            lowerRunLength = lower > 0 ? lowerRunLength + 1 : 0
            var step = Step(
                upper: upper, lower: lower, upperRunLength: upperRunLength, lowerRunLength: lowerRunLength,
                direction: nil, runStartIndex: nil, estimatedShift: nil)
            let upExcess = upper - decisionInterval
            let downExcess = lower - decisionInterval
            guard upExcess > 0 || downExcess > 0 else { return step }
            if upExcess >= downExcess {
                step.direction = .up
                step.runStartIndex = index - upperRunLength + 1
                step.estimatedShift = referenceValue + upper / Double(upperRunLength)
            } else {
                step.direction = .down
                step.runStartIndex = index - lowerRunLength + 1
                step.estimatedShift = -(referenceValue + lower / Double(lowerRunLength))
            }
            restart()
            return step
        }

        /// Sets both sums and counters to 0, as after a signal.
        public mutating func restart() {
            upper = 0
            lower = 0
            upperRunLength = 0
            lowerRunLength = 0
        }
    }

    /// The reference value k.
    public var referenceValue: Double
    /// The decision interval h; the chart's limits are ±h around the centre.
    public var decisionInterval: Double
    /// The centre line (0).
    public var centre: Double
    /// The target the points were standardised against; nil when standardised values were given.
    public var target: ControlChartTarget?
    /// Every point in order.
    public var points: [Point]

    /// The chart of already standardised values, labelled by `periods` (0, 1, … when nil), with
    /// k = 0.5 and h = 5 by default (Montgomery §9.1: h = 4 or 5 with k = ½; h = 5 gives an
    /// in-control average run length near 465 rather than 168).
    public init(
        standardized values: [Double], periods: [Int]? = nil, referenceValue: Double = 0.5,
        decisionInterval: Double = 5
    ) throws {
        guard periods == nil || periods?.count == values.count else {
            throw ConsistencyError.invalidParameter("periods and values differ in length")
        }
        var monitor = try Monitor(referenceValue: referenceValue, decisionInterval: decisionInterval)
        self.referenceValue = referenceValue
        self.decisionInterval = decisionInterval
        centre = 0
        target = nil
        points = values.indices.map { i in
            let period = periods?[i] ?? i
            let step = monitor.observe(values[i])
            let signal = step.direction.map { direction in
                ChartSignal(
                    index: i, period: period, direction: direction, runStartIndex: step.runStartIndex,
                    estimatedShift: step.estimatedShift)
            }
            let point = Point(
                index: i, period: period, value: values[i], upper: step.upper, lower: step.lower,
                upperRunLength: step.upperRunLength, lowerRunLength: step.lowerRunLength, signal: signal)
            return point
        }
    }

    /// The chart of `points` standardised against `target` (see `ControlChartTarget`).
    public init(
        points: [ControlChartPoint], target: ControlChartTarget, referenceValue: Double = 0.5,
        decisionInterval: Double = 5
    ) throws {
        try self.init(
            standardized: try target.standardize(points), periods: points.map(\.period),
            referenceValue: referenceValue, decisionInterval: decisionInterval)
        self.target = target
    }

    /// Every signal, in order.
    public var signals: [ChartSignal] { points.compactMap(\.signal) }
}
