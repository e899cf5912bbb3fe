import EarnedDomain
import Foundation

/// An ordered answer scale cut from a standard normal latent satisfaction (an ordered probit
/// model): the values from worst to best and the probability of each at a latent shift of 0.
/// A customer whose latent lies lower picks worse values more often.
struct DemoSurveyScale<Value: Sendable>: Sendable {
    /// Worst first.
    let values: [Value]
    /// The latent value below which each value but the best is picked, ascending.
    let cuts: [Double]

    /// `probabilities` (worst first, summing to 1) are the shares of the values at shift 0.
    init(_ values: [Value], probabilities: [Double]) {
        precondition(values.count == probabilities.count && !values.isEmpty, "one probability per value")
        self.values = values
        var cumulative = 0.0
        cuts = probabilities.dropLast().map { probability in
            cumulative += probability
            return Self.probit(cumulative)
        }
    }

    /// The value a latent satisfaction falls on.
    func value(_ latent: Double) -> Value {
        for (index, cut) in cuts.enumerated() where latent < cut { return values[index] }
        return values[values.count - 1]
    }

    /// The standard normal quantile by the logistic approximation Φ(x) ≈ 1 / (1 + e^(−1.702 x))
    /// (Haley 1952; error below 0.01 in probability), close enough for demo data.
    static func probit(_ p: Double) -> Double {
        let clamped = min(max(p, 1e-9), 1 - 1e-9)
        return log(clamped / (1 - clamped)) / 1.702
    }
}
