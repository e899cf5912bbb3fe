import EarnedDomain
import Foundation

/// An input nobody knows exactly, entered as a range: the lowest plausible value, the most
/// likely one and the highest, drawn as a triangular distribution (Evans, Hastings & Peacock,
/// *Statistical Distributions*, 3rd ed., 2000, ch. 40). Equal ends make it a fixed number.
public struct Spread: Codable, Sendable, Hashable {
    public var low: Double
    public var likely: Double
    public var high: Double

    public init(low: Double, likely: Double, high: Double) {
        self.low = low
        self.likely = likely
        self.high = high
    }

    /// A number known exactly.
    public static func fixed(_ value: Double) -> Spread { Spread(low: value, likely: value, high: value) }

    public var isFixed: Bool { low == high }

    /// The mean of the triangular distribution, (low + likely + high) / 3.
    public var mean: Double { (low + likely + high) / 3 }

    /// The value below which a share `u` of draws fall (the inverse distribution function).
    public func quantile(_ u: Double) -> Double {
        guard high > low else { return likely }
        let split = (likely - low) / (high - low)
        if u < split { return low + ((u * (high - low) * (likely - low)).squareRoot()) }
        return high - (((1 - u) * (high - low) * (high - likely)).squareRoot())
    }

    /// One draw; a fixed number draws nothing from the generator.
    public func draw(using rng: inout some RandomNumberGenerator) -> Double {
        isFixed ? likely : quantile(RandomVariates.uniform(using: &rng))
    }

    /// Why this range is not usable for a quantity that must lie in `range`.
    func problems(_ field: String, in range: ClosedRange<Double>) -> [FieldError] {
        var out: [FieldError] = []
        let bounds = "\(range.lowerBound)…\(range.upperBound)"
        for (name, value) in [("low", low), ("likely", likely), ("high", high)]
        where !value.isFinite || !range.contains(value) {
            out.append(FieldError(field: "\(field).\(name)", code: .outOfRange, detail: bounds))
        }
        if out.isEmpty, !(low <= likely && likely <= high) {
            out.append(
                FieldError(field: field, code: .inconsistent, detail: "needs low ≤ likely ≤ high"))
        }
        return out
    }
}
