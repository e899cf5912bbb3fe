import Foundation

/// A seeded, reproducible random number generator: xoshiro256** by Blackman & Vigna (2018),
/// "Scrambled linear pseudorandom number generators", with its state filled by SplitMix64
/// (Steele, Lea & Flood 2014) as the authors recommend. The same seed gives the same sequence on
/// every run; nothing here reads the system's entropy. The one generator of Earned: the
/// analytics' simulations, the demo business and the random bits of new ids. Not for
/// cryptography.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Seeds the 256-bit state from a 64-bit seed through SplitMix64 (Blackman & Vigna 2018).
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

    /// One step of SplitMix64 (Steele, Lea & Flood 2014): advances `state`, returns its output.
    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Sets the raw 256-bit xoshiro256** state directly (must not be all zero), e.g. to check the
    /// reference outputs of Blackman & Vigna (2018).
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
        (s0, s1, s2, s3) = state
    }

    /// Next 64 random bits: xoshiro256** (Blackman & Vigna 2018).
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// Advances the state by 2^128 draws (the xoshiro256 jump polynomial, Blackman & Vigna 2018),
    /// giving non-overlapping streams for parallel work.
    public mutating func jump() {
        let polynomial: [UInt64] = [
            0x180E_C6D3_3CFD_0ABA, 0xD5A6_1266_F0C9_392C, 0xA958_2618_E03F_C9AA, 0x39AB_DC45_29B1_661C,
        ]
        var t0: UInt64 = 0
        var t1: UInt64 = 0
        var t2: UInt64 = 0
        var t3: UInt64 = 0
        for word in polynomial {
            for bit in 0..<64 {
                if word & (1 << UInt64(bit)) != 0 {
                    t0 ^= s0
                    t1 ^= s1
                    t2 ^= s2
                    t3 ^= s3
                }
                _ = next()
            }
        }
        s0 = t0
        s1 = t1
        s2 = t2
        s3 = t3
    }

    @inline(__always)
    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
