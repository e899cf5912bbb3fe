import Foundation

/// "Nice" axis ticks (steps of 1, 2, 2.5 or 5 × 10ⁿ) and label thinning.
///
/// Heckbert P (1990), "Nice numbers for graph labels", Graphics Gems, pp. 61–63.
enum ChartTicks {
    /// A domain widened to whole steps around `lower…upper` and its 3–5 ticks.
    /// With `integers` the step is a whole number (for counts).
    static func nice(
        _ lower: Double, _ upper: Double, maxCount: Int = 5, integers: Bool = false
    ) -> (domain: ClosedRange<Double>, ticks: [Double]) {
        var lo = lower.isFinite ? lower : 0
        var hi = upper.isFinite ? upper : 1
        if lo > hi { swap(&lo, &hi) }
        if hi - lo < 1e-12 {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad
            hi += pad
            if integers { lo = lo.rounded(.down); hi = hi.rounded(.up) }
        }
        let magnitude = pow(10, (log10(hi - lo) - 1).rounded(.down))
        var candidates: [Double] = []
        for power in [magnitude / 10, magnitude, magnitude * 10, magnitude * 100] {
            for m in [1.0, 2, 2.5, 5] {
                let step = m * power
                if integers && (step < 1 || step.rounded() != step) { continue }
                candidates.append(step)
            }
        }
        candidates.sort()
        for step in candidates {
            // The tolerance keeps a bound that already sits on a step from growing by one step.
            let first = (lo / step + 1e-9).rounded(.down)
            let last = (hi / step - 1e-9).rounded(.up)
            let count = Int(last - first) + 1
            if count <= maxCount {
                var ticks = (0..<count).map { clean((first + Double($0)) * step) }
                if ticks.count == 2 && !(integers && step == 1) {
                    ticks.insert(clean((ticks[0] + ticks[1]) / 2), at: 1)
                }
                return (ticks[0]...ticks[ticks.count - 1], ticks)
            }
        }
        return (lo...hi, [lo, hi])
    }

    /// Removes floating-point dust such as 0.30000000000000004.
    static func clean(_ x: Double) -> Double {
        guard x != 0, x.isFinite else { return x == 0 ? 0 : x }
        let scale = pow(10, 12 - (log10(abs(x))).rounded(.up))
        return (x * scale).rounded() / scale
    }

    /// Label every `k`-th of evenly spaced positions so labels of width `labelWidth` never touch.
    static func labelStep(spacing: Double, labelWidth: Double, gap: Double = 8) -> Int {
        guard spacing > 0 else { return 1 }
        return max(1, Int(((labelWidth + gap) / spacing).rounded(.up)))
    }
}
