import Foundation

/// Generates customers from known Pareto/NBD parameters with covariates (Schmittlein, Morrison &
/// Colombo 1987; Fader & Hardie 2007), for recovery and coverage tests.
///
/// Customer i buys at Poisson rate λ ~ Gamma(r, scale 1/α_i) from a first purchase at time 0 and
/// is active for an exponential lifetime with rate μ ~ Gamma(s, scale 1/β_i), where α_i and β_i
/// come from `ParetoNBDRegression.model(for:)`.
public struct ParetoNBDSimulator: Sendable {
    public var model: ParetoNBDRegression

    public init(model: ParetoNBDRegression) {
        self.model = model
    }

    /// A plain Pareto/NBD (no covariates).
    public init(model: ParetoNBD) {
        self.model = ParetoNBDRegression(base: model, names: [], purchaseEffects: [], dropoutEffects: [])
    }

    /// Simulates one customer per element of `covariates` (each with one value per name) with
    /// ages uniform on `ages`, counting purchases over a holdout of length `holdout` too. With a
    /// `resolution`, purchase times are floored to that grid and purchases on one point merged.
    public func simulate(
        covariates: [[Double]], ages: ClosedRange<Double>, holdout: Double = 0, resolution: Double? = nil,
        using rng: inout some RandomNumberGenerator
    ) -> CustomerSimulator.Cohort {
        var cohort = CustomerSimulator.Cohort()
        for c in covariates {
            let individual = model.model(for: c)
            var age = ages.lowerBound + (ages.upperBound - ages.lowerBound) * RandomVariates.uniform(using: &rng)
            if let resolution { age = (age / resolution).rounded(.down) * resolution }
            let lambda = RandomVariates.gamma(shape: individual.r, scale: 1 / individual.alpha, using: &rng)
            let mu = RandomVariates.gamma(shape: individual.s, scale: 1 / individual.beta, using: &rng)
            let lifetime = RandomVariates.exponential(rate: mu, using: &rng)
            let end = min(lifetime, age + holdout)
            var time = 0.0
            var tally = CustomerSimulator.Tally(age: age, resolution: resolution)
            while true {
                time += RandomVariates.exponential(rate: lambda, using: &rng)
                guard time <= end else { break }
                _ = tally.count(time)
            }
            cohort.frequency.append(tally.frequency)
            cohort.recency.append(tally.recency)
            cohort.age.append(age)
            cohort.averageSpend.append(0)
            cohort.holdoutFrequency.append(tally.holdout)
            cohort.aliveAtCalibrationEnd.append(lifetime > age)
            cohort.purchaseRate.append(lambda)
            cohort.meanSpend.append(0)
        }
        return cohort
    }
}
