import Foundation

/// The Net Promoter Score of a set of 0–10 answers (Reichheld 2003): the percentage of promoters
/// (9–10) minus the percentage of detractors (0–6), from −100 to 100, with a confidence interval.
///
/// The interval treats NPS as the difference of two proportions of one multinomial sample:
/// var(p̂₉₋₁₀ − p̂₀₋₆) = (p_prom + p_det − (p_prom − p_det)²) / n, normal approximation,
/// clamped to [−100, 100]. With all answers in one group the variance is 0 and the interval
/// collapses to the point; small samples deserve the caution the page should show.
public struct NetPromoterScore: Hashable, Codable, Sendable {
    /// The name of the interval's method, for the page to show.
    public static let intervalMethod = "normal approximation to the variance of a difference of proportions"

    public let promoters: Int
    public let passives: Int
    public let detractors: Int
    /// The confidence level of the interval (0.95 by default).
    public let confidence: Double
    /// The interval's bounds, in NPS points.
    public let lower: Double
    public let upper: Double

    /// The score of `answers`; values outside 0–10 are ignored. Nil with no valid answer.
    public init?(answers: [Int], confidence: Double = 0.95) {
        var counts = (promoters: 0, passives: 0, detractors: 0)
        for answer in answers {
            switch PromoterGroup(nps: answer) {
            case .promoter: counts.promoters += 1
            case .passive: counts.passives += 1
            case .detractor: counts.detractors += 1
            case nil: continue
            }
        }
        self.init(
            promoters: counts.promoters, passives: counts.passives, detractors: counts.detractors,
            confidence: confidence)
    }

    /// The score of counted answers; nil when there are none or a count is negative.
    public init?(promoters: Int, passives: Int, detractors: Int, confidence: Double = 0.95) {
        guard promoters >= 0, passives >= 0, detractors >= 0, promoters + passives + detractors > 0 else {
            return nil
        }
        self.promoters = promoters
        self.passives = passives
        self.detractors = detractors
        self.confidence = confidence
        let n = Double(promoters + passives + detractors)
        let pP = Double(promoters) / n
        let pD = Double(detractors) / n
        let variance = max(0, (pP + pD - (pP - pD) * (pP - pD)) / n)
        let half = Self.z(confidence: confidence) * variance.squareRoot() * 100
        let score = (pP - pD) * 100
        lower = max(-100, score - half)
        upper = min(100, score + half)
    }

    public var count: Int { promoters + passives + detractors }
    /// Promoters' percentage minus detractors' percentage, −100…100.
    public var score: Double { Double(promoters - detractors) / Double(count) * 100 }
    public var promoterShare: Double { Double(promoters) / Double(count) }
    public var detractorShare: Double { Double(detractors) / Double(count) }

    /// The two-sided standard normal quantile for a confidence level (Acklam's rational
    /// approximation of the inverse normal CDF, relative error below 1.2e-9).
    static func z(confidence: Double) -> Double {
        let p = 1 - (1 - min(max(confidence, 1e-9), 1 - 1e-12)) / 2
        let a = [
            -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.3577518672690, -30.66479806614716,
            2.506628277459239,
        ]
        let b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572]
        let c = [
            -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
            4.374664141464968, 2.938163982698783,
        ]
        let d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
        let high = 1 - 0.02425
        if p > high {
            let q = (-2 * log(1 - p)).squareRoot()
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let q = p - 0.5
        let r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}
