import Foundation

/// The exponentially weighted moving average chart (Roberts 1959, "Control chart tests based on
/// geometric moving averages", *Technometrics* 1(3), 239–250; Montgomery, *Introduction to
/// Statistical Quality Control*, 8th ed., 2019, §9.2) on standardised values zᵢ (target 0,
/// standard deviation 1): Eᵢ = λzᵢ + (1 − λ)Eᵢ₋₁, E₀ = 0, with exact limits
/// ±L √(λ/(2 − λ) · (1 − (1 − λ)^{2i})) and asymptotic limits ±L √(λ/(2 − λ)).
/// A signal is every point whose statistic lies outside the chosen limits.
public struct EWMAChart: Hashable, Codable, Sendable {
    /// Which limits decide a signal.
    public enum Limits: String, Hashable, Codable, Sendable {
        /// The exact, time-varying limits (narrower at the start; the chart's default).
        case exact
        /// The constant asymptotic limits (as in the average-run-length tables).
        case asymptotic
    }

    /// One plotted point.
    public struct Point: Hashable, Codable, Sendable {
        /// The point's position in the series (0-based).
        public var index: Int
        /// The point's period.
        public var period: Int
        /// The standardised input value zᵢ.
        public var value: Double
        /// The EWMA statistic Eᵢ.
        public var statistic: Double
        /// The exact lower limit −L √(λ/(2 − λ) · (1 − (1 − λ)^{2i})), i = index + 1.
        public var lowerLimit: Double
        /// The exact upper limit.
        public var upperLimit: Double
        /// The signal at this point, if any.
        public var signal: ChartSignal.Direction?
    }

    /// The recursion on its own, fed one standardised value at a time (for streaming and for
    /// run-length studies).
    public struct Monitor: Hashable, Codable, Sendable {
        /// The smoothing constant λ in (0, 1].
        public let lambda: Double
        /// The limit width L in standard deviations of the statistic.
        public let width: Double
        /// Which limits decide a signal.
        public let limits: Limits
        /// The current statistic E (0 before any value).
        public private(set) var statistic: Double = 0
        /// The number of values observed.
        public private(set) var count: Int = 0
        /// (1 − λ)^{2i} after i values, kept to avoid a power per step.
        private var decay: Double = 1
        private let asymptoticVariance: Double

        /// A monitor with smoothing λ in (0, 1] and width L > 0.
        public init(lambda: Double = 0.2, width: Double = 3, limits: Limits = .exact) throws {
            guard lambda > 0, lambda <= 1 else { throw ConsistencyError.invalidParameter("λ must be in (0, 1]") }
            guard width > 0, width.isFinite else { throw ConsistencyError.invalidParameter("L must be positive") }
            self.lambda = lambda
            self.width = width
            self.limits = limits
            asymptoticVariance = lambda / (2 - lambda)
        }

        /// The asymptotic half-width L √(λ/(2 − λ)).
        public var asymptoticHalfWidth: Double { width * asymptoticVariance.squareRoot() }

        /// The exact half-width after the current number of values.
        public var exactHalfWidth: Double { width * (asymptoticVariance * (1 - decay)).squareRoot() }

        /// Adds the next standardised value; returns the signal, if the statistic is outside the limits.
        public mutating func observe(_ z: Double) -> ChartSignal.Direction? {
            statistic = lambda * z + (1 - lambda) * statistic
            count += 1
            decay *= (1 - lambda) * (1 - lambda)
            let halfWidth = limits == .exact ? exactHalfWidth : asymptoticHalfWidth
            if statistic > halfWidth { return .up }
            if statistic < -halfWidth { return .down }
            return nil
        }
    }

    /// The smoothing constant λ.
    public var lambda: Double
    /// The limit width L.
    public var width: Double
    /// Which limits decided the signals.
    public var signalLimits: Limits
    /// The centre line (0 on the standardised scale).
    public var centre: Double
    /// The asymptotic limit half-width L √(λ/(2 − λ)); the limits are centre ± this.
    public var asymptoticHalfWidth: Double
    /// The target the points were standardised against; nil when standardised values were given.
    public var target: ControlChartTarget?
    /// Every point in order.
    public var points: [Point]

    /// The chart of already standardised values zᵢ, labelled by `periods` (0, 1, … when nil).
    public init(
        standardized values: [Double], periods: [Int]? = nil, lambda: Double = 0.2, width: Double = 3,
        signalLimits: Limits = .exact
    ) throws {
        guard periods == nil || periods?.count == values.count else {
            throw ConsistencyError.invalidParameter("periods and values differ in length")
        }
        var monitor = try Monitor(lambda: lambda, width: width, limits: signalLimits)
        self.lambda = lambda
        self.width = width
        self.signalLimits = signalLimits
        centre = 0
        asymptoticHalfWidth = monitor.asymptoticHalfWidth
        target = nil
        points = values.indices.map { i in
            let signal = monitor.observe(values[i])
            let half = monitor.exactHalfWidth
            return Point(
                index: i, period: periods?[i] ?? i, value: values[i], statistic: monitor.statistic, lowerLimit: -half,
                upperLimit: half, signal: signal)
        }
    }

    /// The chart of `points` standardised against `target` (see `ControlChartTarget`).
    public init(
        points: [ControlChartPoint], target: ControlChartTarget, lambda: Double = 0.2, width: Double = 3,
        signalLimits: Limits = .exact
    ) throws {
        try self.init(
            standardized: try target.standardize(points), periods: points.map(\.period), lambda: lambda, width: width,
            signalLimits: signalLimits)
        self.target = target
    }

    /// The asymptotic lower limit.
    public var asymptoticLowerLimit: Double { centre - asymptoticHalfWidth }
    /// The asymptotic upper limit.
    public var asymptoticUpperLimit: Double { centre + asymptoticHalfWidth }

    /// Every signal, in order.
    public var signals: [ChartSignal] {
        points.compactMap { point in
            point.signal.map { ChartSignal(index: point.index, period: point.period, direction: $0) }
        }
    }
}
