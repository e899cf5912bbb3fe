import Foundation

/// Random variates from the distributions the customer-base models use, drawn from any
/// `RandomNumberGenerator` (pass a `SeededGenerator` for reproducible runs).
public enum RandomVariates {
    /// Uniform on the open interval (0, 1) from the top 53 bits, so logarithms stay finite.
    @inline(__always)
    public static func uniform(using rng: inout some RandomNumberGenerator) -> Double {
        (Double(rng.next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// Exponential with the given rate (mean 1/rate) by inversion, −ln U / rate.
    @inline(__always)
    public static func exponential(rate: Double, using rng: inout some RandomNumberGenerator) -> Double {
        -log(uniform(using: &rng)) / rate
    }

    /// Normal with the given mean and standard deviation by the Box–Muller transform
    /// (Box & Muller 1958), using one of the pair.
    @inline(__always)
    public static func normal(
        mean: Double = 0, standardDeviation: Double = 1, using rng: inout some RandomNumberGenerator
    ) -> Double {
        let u1 = uniform(using: &rng)
        let u2 = uniform(using: &rng)
        return mean + standardDeviation * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// Gamma with the given shape k and scale θ (mean kθ) by Marsaglia & Tsang (2000),
    /// "A simple method for generating gamma variables"; for k < 1 the boost
    /// Gamma(k) = Gamma(k + 1) · U^(1/k) from the same paper.
    public static func gamma(shape: Double, scale: Double, using rng: inout some RandomNumberGenerator) -> Double {
        precondition(shape > 0 && scale > 0, "gamma needs positive shape and scale")
        if shape < 1 {
            let boost = pow(uniform(using: &rng), 1 / shape)
            return gamma(shape: shape + 1, scale: scale, using: &rng) * boost
        }
        let d = shape - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = normal(using: &rng)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = uniform(using: &rng)
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 { return d * v * scale }
            if log(u) < 0.5 * x2 + d * (1 - v + log(v)) { return d * v * scale }
        }
    }

    /// Beta(a, b) as X/(X + Y) with X ~ Gamma(a, 1), Y ~ Gamma(b, 1) (Devroye 1986, §IX.4).
    public static func beta(_ a: Double, _ b: Double, using rng: inout some RandomNumberGenerator) -> Double {
        let x = gamma(shape: a, scale: 1, using: &rng)
        let y = gamma(shape: b, scale: 1, using: &rng)
        let sum = x + y
        // Both draws can underflow to zero for tiny shapes; fall back on which shape is larger.
        guard sum > 0 else { return a >= b ? 1 : 0 }
        return x / sum
    }

    /// Poisson with the given mean: multiplication of uniforms (Knuth, TAOCP vol. 2, §3.4.1) below
    /// mean 10, and Hörmann's (1993) transformed rejection PTRS at or above it.
    public static func poisson(mean: Double, using rng: inout some RandomNumberGenerator) -> Int {
        precondition(mean >= 0, "Poisson mean must not be negative")
        if mean == 0 { return 0 }
        if mean < 10 {
            let limit = exp(-mean)
            var k = 0
            var product = uniform(using: &rng)
            while product > limit {
                k += 1
                product *= uniform(using: &rng)
            }
            return k
        }
        let logMean = log(mean)
        let b = 0.931 + 2.53 * mean.squareRoot()
        let a = -0.059 + 0.02483 * b
        let invAlpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = uniform(using: &rng) - 0.5
            let v = uniform(using: &rng)
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07, v <= vr { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + log(invAlpha) - log(a / (us * us) + b) <= -mean + k * logMean - SpecialFunctions.logGamma(k + 1)
            {
                return Int(k)
            }
        }
    }
}
