import Foundation

/// Generates customers from known BG/NBD (Fader, Hardie & Lee 2005, assumptions i–v) and
/// Gamma-Gamma (Fader & Hardie 2013) parameters, for parameter-recovery tests and benchmarks.
///
/// Each customer makes a first purchase at time 0, buys at Poisson rate λ ~ Gamma(r, scale 1/α)
/// while active, and drops out with probability p ~ Beta(a, b) right after each repeat purchase.
/// Spend per transaction is Gamma(p, rate ν) with ν ~ Gamma(q, rate γ).
public struct CustomerSimulator: Sendable {
    /// Purchase-process parameters.
    public var purchases: BGNBD
    /// Spend parameters (nil: no spend is simulated and `averageSpend` is all zero).
    public var spend: GammaGamma?

    /// One simulated cohort, as parallel arrays (one element per customer).
    public struct Cohort: Sendable {
        /// Repeat purchases x in the calibration period.
        public var frequency: [Int] = []
        /// Time t_x of the last calibration purchase since the first.
        public var recency: [Double] = []
        /// Age T at the end of calibration.
        public var age: [Double] = []
        /// Mean value of the calibration repeat purchases (0 when x = 0).
        public var averageSpend: [Double] = []
        /// Purchases in the holdout period (T, T + holdout].
        public var holdoutFrequency: [Int] = []
        /// Whether the customer was still active at the end of calibration.
        public var aliveAtCalibrationEnd: [Bool] = []
        /// The customer's true purchase rate λ.
        public var purchaseRate: [Double] = []
        /// The customer's true mean spend per transaction p/ν (0 without a spend model).
        public var meanSpend: [Double] = []

        /// The (x, t_x, T) histories, compressed.
        public func histories() throws -> CustomerHistories {
            try CustomerHistories(frequency: frequency, recency: recency, age: age)
        }
    }

    /// A simulator for the given purchase and (optional) spend parameters.
    public init(purchases: BGNBD, spend: GammaGamma? = nil) {
        self.purchases = purchases
        self.spend = spend
    }

    /// Simulates `count` customers whose ages T are uniform on `ages` (a fixed age when the range
    /// is a single point), with purchases also counted over a holdout of length `holdout`. With a
    /// `resolution` (e.g. 1 for days, 1/7 for days in weeks), purchase times are floored to that
    /// grid and purchases on the same grid point merged, as real day-stamped data are.
    public func simulate(
        count: Int, ages: ClosedRange<Double>, holdout: Double = 0, resolution: Double? = nil,
        using rng: inout some RandomNumberGenerator
    ) -> Cohort {
        var cohort = Cohort()
        cohort.frequency.reserveCapacity(count)
        cohort.recency.reserveCapacity(count)
        cohort.age.reserveCapacity(count)
        cohort.averageSpend.reserveCapacity(count)
        cohort.holdoutFrequency.reserveCapacity(count)
        cohort.aliveAtCalibrationEnd.reserveCapacity(count)
        cohort.purchaseRate.reserveCapacity(count)
        cohort.meanSpend.reserveCapacity(count)
        let m = purchases
        for _ in 0..<count {
            var age = ages.lowerBound + (ages.upperBound - ages.lowerBound) * RandomVariates.uniform(using: &rng)
            if let resolution { age = (age / resolution).rounded(.down) * resolution }
            let lambda = RandomVariates.gamma(shape: m.r, scale: 1 / m.alpha, using: &rng)
            let dropout = RandomVariates.beta(m.a, m.b, using: &rng)
            let end = age + holdout
            var time = 0.0
            var tally = Tally(age: age, resolution: resolution)
            var alive = true
            var aliveAtT = true
            while alive {
                time += RandomVariates.exponential(rate: lambda, using: &rng)
                guard time <= end else { break }
                guard let stamp = tally.count(time) else { continue }
                if RandomVariates.uniform(using: &rng) < dropout {
                    alive = false
                    if stamp <= age { aliveAtT = false }
                }
            }
            cohort.frequency.append(tally.frequency)
            cohort.recency.append(tally.recency)
            cohort.age.append(age)
            cohort.holdoutFrequency.append(tally.holdout)
            cohort.aliveAtCalibrationEnd.append(aliveAtT)
            cohort.purchaseRate.append(lambda)
            if let spend {
                let nu = RandomVariates.gamma(shape: spend.q, scale: 1 / spend.gamma, using: &rng)
                cohort.meanSpend.append(spend.p / nu)
                // The sum of x Gamma(p, ν) values is Gamma(px, ν).
                let x = tally.frequency
                let total = x > 0 ? RandomVariates.gamma(shape: spend.p * Double(x), scale: 1 / nu, using: &rng) : 0
                cohort.averageSpend.append(x > 0 ? total / Double(x) : 0)
            } else {
                cohort.meanSpend.append(0)
                cohort.averageSpend.append(0)
            }
        }
        return cohort
    }
}

extension CustomerSimulator {
    /// Counts one customer's purchases: in calibration (x and t_x) up to their age T, in the
    /// holdout after it; with a `resolution`, times are floored to that grid and a purchase on the
    /// same grid point as the previous one is merged into it, as day-stamped data are.
    struct Tally {
        let age: Double
        let resolution: Double?
        var frequency = 0
        var recency = 0.0
        var holdout = 0
        private var lastGrid = 0.0

        init(age: Double, resolution: Double?) {
            self.age = age
            self.resolution = resolution
        }

        /// Counts a purchase at `time`; its stamp, or nil when it was merged into the previous one.
        mutating func count(_ time: Double) -> Double? {
            var stamp = time
            if let resolution {
                stamp = (time / resolution).rounded(.down) * resolution
                if stamp == lastGrid { return nil }
            }
            lastGrid = stamp
            if stamp <= age {
                frequency += 1
                recency = stamp
            } else {
                holdout += 1
            }
            return stamp
        }
    }
}
