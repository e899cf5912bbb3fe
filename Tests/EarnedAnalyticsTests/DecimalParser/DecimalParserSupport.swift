import Testing

@testable import EarnedAnalytics

// Test support: a byte scratch buffer that compares DecimalParser with strtod, and a
// tiny exact bignum (for the power table and for exact decimal midpoints between doubles).
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A scratch buffer: build a candidate text with `put`, then `check()` compares DecimalParser with
/// strtod bit for bit. Mismatches are reported with `#expect` (the first 20 individually).
struct Harness: ~Copyable {
    let capacity = 1 << 16
    let buffer: UnsafeMutablePointer<UInt8>
    var count = 0
    var checked = 0
    var mismatches = 0

    init() {
        buffer = .allocate(capacity: capacity)
    }
    deinit { buffer.deallocate() }

    mutating func reset() { count = 0 }
    mutating func put(_ byte: UInt8) {
        buffer[count] = byte
        count += 1
    }
    mutating func put(_ text: String) {
        for byte in text.utf8 { put(byte) }
    }
    mutating func put(digits: [UInt8], from: Int = 0, to: Int? = nil) {  // digit values 0...9
        var i = from
        let end = to ?? digits.count
        while i < end {
            buffer[count] = digits[i] + 48
            count += 1
            i += 1
        }
    }
    var text: String { String(decoding: UnsafeBufferPointer(start: buffer, count: count), as: UTF8.self) }

    /// The parser's answer for the current text.
    func parsed() -> Double? {
        DecimalParser.parse(UnsafeBufferPointer(start: buffer, count: capacity), 0..<count)
    }

    /// strtod's answer for the current text, which must be grammatical: strtod must consume all of it.
    mutating func reference(sourceLocation: SourceLocation = #_sourceLocation) -> Double? {
        buffer[count] = 0
        var end: UnsafeMutablePointer<CChar>? = nil
        let value = UnsafeRawPointer(buffer).withMemoryRebound(to: CChar.self, capacity: count + 1) { cString in
            let v = strtod(cString, &end)
            if end.map({ UnsafePointer($0) }) != cString + count {
                Issue.record("strtod did not consume all of \"\(text)\"", sourceLocation: sourceLocation)
            }
            return v
        }
        return value.isInfinite ? nil : value
    }

    /// Compares the parser with strtod on the current text (which must be grammatical).
    mutating func check(sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = reference(sourceLocation: sourceLocation)
        expect(expected, sourceLocation: sourceLocation)
    }

    /// Compares the parser with a given answer on the current text.
    mutating func expect(_ expected: Double?, sourceLocation: SourceLocation = #_sourceLocation) {
        checked += 1
        let got = parsed()
        if got?.bitPattern != expected?.bitPattern {
            mismatches += 1
            if mismatches <= 20 {
                #expect(
                    got?.bitPattern == expected?.bitPattern,
                    "input \"\(text)\": got \(String(describing: got)), expected \(String(describing: expected))",
                    sourceLocation: sourceLocation)
            }
        }
    }
}

/// Non-negative arbitrary-precision integer, little-endian 32-bit limbs, no leading zero limbs.
struct BigUInt: Equatable {
    var limbs: [UInt32]

    init(_ value: UInt64) {
        limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
        normalize()
    }
    static func power(_ base: UInt32, _ exponent: Int) -> BigUInt {
        var r = BigUInt(1)
        for _ in 0..<exponent { r.multiply(by: base) }
        return r
    }
    mutating func normalize() {
        while let last = limbs.last, last == 0 { limbs.removeLast() }
    }
    var isZero: Bool { limbs.isEmpty }
    var bitLength: Int {
        guard let last = limbs.last else { return 0 }
        return limbs.count * 32 - last.leadingZeroBitCount
    }
    mutating func multiply(by m: UInt32) {
        var carry: UInt64 = 0
        for i in limbs.indices {
            let t = UInt64(limbs[i]) * UInt64(m) + carry
            limbs[i] = UInt32(truncatingIfNeeded: t)
            carry = t >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
        normalize()
    }
    mutating func multiply(by other: BigUInt) {
        var r = [UInt32](repeating: 0, count: limbs.count + other.limbs.count + 1)
        for i in limbs.indices {
            var carry: UInt64 = 0
            for j in other.limbs.indices {
                let t = UInt64(limbs[i]) * UInt64(other.limbs[j]) + UInt64(r[i + j]) + carry
                r[i + j] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
            var k = i + other.limbs.count
            while carry != 0 {
                let t = UInt64(r[k]) + carry
                r[k] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
                k += 1
            }
        }
        limbs = r
        normalize()
    }
    mutating func add(_ a: UInt32) {
        var carry = UInt64(a)
        var i = 0
        while carry != 0 {
            if i == limbs.count { limbs.append(0) }
            let t = UInt64(limbs[i]) + carry
            limbs[i] = UInt32(truncatingIfNeeded: t)
            carry = t >> 32
            i += 1
        }
    }
    /// self -= a; requires self >= a.
    mutating func subtract(_ a: UInt32) {
        var borrow = Int64(a)
        var i = 0
        while borrow != 0 {
            var t = Int64(limbs[i]) - borrow
            borrow = 0
            if t < 0 { t += 1 << 32; borrow = 1 }
            limbs[i] = UInt32(t)
            i += 1
        }
        normalize()
    }
    /// self = floor(self / d); returns the remainder.
    @discardableResult
    mutating func divide(by d: UInt32) -> UInt32 {
        var rem: UInt64 = 0
        let divisor = UInt64(d)
        limbs.withUnsafeMutableBufferPointer { limbs in
            var i = limbs.count - 1
            while i >= 0 {
                let cur = (rem << 32) | UInt64(limbs[i])
                limbs[i] = UInt32(truncatingIfNeeded: cur / divisor)
                rem = cur % divisor
                i -= 1
            }
        }
        normalize()
        return UInt32(rem)
    }
    mutating func shiftLeft(_ n: Int) {
        guard !isZero, n > 0 else { return }
        let words = n / 32, bits = n % 32
        var r = [UInt32](repeating: 0, count: words) + limbs + [0]
        if bits > 0 {
            var carry: UInt32 = 0
            for i in words..<r.count {
                let v = r[i]
                r[i] = (v << UInt32(bits)) | carry
                carry = v >> UInt32(32 - bits)
            }
        }
        limbs = r
        normalize()
    }
    /// floor(self / 2^n)
    mutating func shiftRight(_ n: Int) {
        let words = n / 32, bits = n % 32
        if words >= limbs.count { limbs = []; return }
        var r = Array(limbs[words...])
        if bits > 0 {
            for i in r.indices {
                let hi: UInt32 = i + 1 < r.count ? r[i + 1] : 0
                r[i] = (r[i] >> UInt32(bits)) | (hi << UInt32(32 - bits))
            }
        }
        limbs = r
        normalize()
    }
    /// Value of limbs [4k ..< 4k+4] as (high, low) 64-bit words of the lowest 128 bits.
    var low128: (UInt64, UInt64) {
        func limb(_ i: Int) -> UInt64 { i < limbs.count ? UInt64(limbs[i]) : 0 }
        return (limb(3) << 32 | limb(2), limb(1) << 32 | limb(0))
    }
    /// Decimal digit values, most significant first ("0" for zero).
    var decimalDigits: [UInt8] {
        if isZero { return [0] }
        var x = self
        var chunks: [UInt32] = []
        while !x.isZero { chunks.append(x.divide(by: 1_000_000_000)) }
        var out = [UInt8](repeating: 0, count: chunks.count * 9)
        var k = out.count - 1
        for chunk in chunks {  // least significant chunk first
            var c = chunk
            for _ in 0..<9 { out[k] = UInt8(c % 10); c /= 10; k -= 1 }
        }
        var first = 0
        while out[first] == 0 { first += 1 }
        return Array(out[first...])
    }
}
