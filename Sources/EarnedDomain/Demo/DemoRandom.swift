import Foundation

/// A small, fast, seedable random number generator for demo data and simulations: xoshiro256**
/// (Blackman & Vigna, 2018), seeded through SplitMix64 (Steele, Lea & Flood, 2014). The same seed
/// gives the same sequence on every run; nothing here reads the system's entropy.
///
/// The distribution helpers use only the generator's own bits, never `Double.random` or
/// `Int.random`, whose algorithms the standard library may change between releases.
public struct DemoRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator whose whole state is expanded from `seed` by SplitMix64.
    public init(seed: UInt64) {
        var state = seed
        s0 = Self.splitMix(&state)
        s1 = Self.splitMix(&state)
        s2 = Self.splitMix(&state)
        s3 = Self.splitMix(&state)
    }

    /// A generator for one independent stream of `seed`, e.g. one customer's: the same
    /// `(seed, stream)` always gives the same sequence, and neighbouring streams are unrelated.
    public init(seed: UInt64, stream: UInt64) {
        self.init(seed: Self.mix(seed, stream))
    }

    /// SplitMix64's output function applied to `a` combined with `b`: a well-spread 64-bit hash.
    public static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var state = a ^ (b &* 0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03
        return splitMix(&state)
    }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform double in `range`.
    public mutating func uniform(_ range: Range<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * uniform()
    }

    /// A uniform integer in `range` (Lemire's multiply-shift; its bias is below 2⁻³² for demo-sized
    /// ranges).
    public mutating func int(_ range: Range<Int>) -> Int {
        precondition(!range.isEmpty, "an empty range has no values")
        let width = UInt64(range.upperBound - range.lowerBound)
        let product = next().multipliedFullWidth(by: width)
        return range.lowerBound + Int(product.high)
    }

    /// A uniform integer in `range`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        int(range.lowerBound..<(range.upperBound + 1))
    }

    /// True with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool { uniform() < probability }

    /// One element of a non-empty array, each equally likely.
    public mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[int(0..<elements.count)]
    }

    /// An index drawn with probability proportional to `weights` (non-negative, not all zero).
    public mutating func index(weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var u = uniform() * total
        for (index, weight) in weights.enumerated() {
            if u < weight { return index }
            u -= weight
        }
        return weights.count - 1
    }

    /// An exponential variate with the given rate (mean 1/rate), by inversion.
    public mutating func exponential(rate: Double) -> Double {
        -log1p(-uniform()) / rate
    }

    /// A normal variate (Box–Muller, 1958).
    public mutating func normal(mean: Double = 0, standardDeviation: Double = 1) -> Double {
        let u1 = 1 - uniform()
        let u2 = uniform()
        return mean + standardDeviation * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A log-normal variate: `exp` of a normal with the given `mu` and `sigma`.
    public mutating func logNormal(mu: Double, sigma: Double) -> Double {
        exp(normal(mean: mu, standardDeviation: sigma))
    }

    /// A gamma variate with `shape` k and `scale` θ (mean kθ), by Marsaglia & Tsang (2000);
    /// shapes below 1 are boosted with U^(1/k) as they suggest.
    public mutating func gamma(shape: Double, scale: Double) -> Double {
        precondition(shape > 0 && scale > 0, "gamma needs a positive shape and scale")
        if shape < 1 {
            let boost = pow(1 - uniform(), 1 / shape)
            return gamma(shape: shape + 1, scale: scale) * boost
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = normal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = 1 - uniform()
            if u < 1 - 0.0331 * x * x * x * x || log(u) < 0.5 * x * x + d * (1 - v + log(v)) {
                return d * v * scale
            }
        }
    }

    /// A beta variate with shapes `a` and `b`, as X / (X + Y) of two gamma variates.
    public mutating func beta(_ a: Double, _ b: Double) -> Double {
        let x = gamma(shape: a, scale: 1)
        let y = gamma(shape: b, scale: 1)
        return x / (x + y)
    }

    /// A Poisson variate: Knuth's product method for small means, a rounded normal above 30.
    public mutating func poisson(mean: Double) -> Int {
        if mean <= 0 { return 0 }
        if mean > 30 {
            return max(0, Int((normal(mean: mean, standardDeviation: mean.squareRoot())).rounded()))
        }
        let limit = exp(-mean)
        var product = uniform()
        var count = 0
        while product > limit {
            product *= uniform()
            count += 1
        }
        return count
    }

    /// A random (version 4, RFC 9562) UUID made from this generator's bits.
    public mutating func uuid() -> UUID {
        let high = (next() & ~0xF000) | 0x4000
        let low = (next() & ~(0xC0 << 56)) | (0x80 << 56)
        func byte(_ word: UInt64, _ index: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: word >> (56 - 8 * index)) }
        return UUID(
            uuid: (
                byte(high, 0), byte(high, 1), byte(high, 2), byte(high, 3),
                byte(high, 4), byte(high, 5), byte(high, 6), byte(high, 7),
                byte(low, 0), byte(low, 1), byte(low, 2), byte(low, 3),
                byte(low, 4), byte(low, 5), byte(low, 6), byte(low, 7)
            ))
    }
}
