import EarnedDomain
import Testing

@testable import EarnedAnalytics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// MARK: - Building decimal texts by hand

/// Splits a decimal text into sign, significant digits (values 0...9, no leading or trailing zeros)
/// and `point` such that value = 0.d1d2d3… × 10^point.
func decompose(_ text: String) -> (negative: Bool, digits: [UInt8], point: Int) {
    let bytes = Array(text.utf8)
    var negative = false, digits: [UInt8] = [], point = 0, seenPoint = false
    digits.reserveCapacity(bytes.count)
    var i = 0
    if i < bytes.count && bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
    while i < bytes.count {
        let c = bytes[i]
        i += 1
        if c == UInt8(ascii: ".") {
            seenPoint = true
        } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            var exponentNegative = false, exponent = 0
            if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                exponentNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            while i < bytes.count { exponent = exponent * 10 + Int(bytes[i] - 48); i += 1 }
            point += exponentNegative ? -exponent : exponent
        } else {
            let d = c - 48
            if digits.isEmpty && d == 0 {
                if seenPoint { point -= 1 }
            } else {
                digits.append(d)
                if !seenPoint { point += 1 }
            }
        }
    }
    while digits.last == 0 { digits.removeLast() }
    if digits.isEmpty { point = 0 }
    return (negative, digits, point)
}

func putExponent(_ h: inout Harness, _ e: Int, _ rng: inout SeededGenerator) {
    h.put(rng.next() & 1 == 0 ? UInt8(ascii: "e") : UInt8(ascii: "E"))
    if e < 0 {
        h.put(UInt8(ascii: "-"))
    } else if rng.next() & 1 == 0 {
        h.put(UInt8(ascii: "+"))
    }
    if abs(e) < 10 && rng.next() % 4 == 0 { h.put(UInt8(ascii: "0")) }  // "e-05" like Python / Swift
    h.put(String(abs(e)))
}

/// Writes ±0.d1d2…×10^point in one of several random notations.
func putDecimal(_ h: inout Harness, negative: Bool, digits: [UInt8], point: Int, _ rng: inout SeededGenerator) {
    if negative {
        h.put(UInt8(ascii: "-"))
    } else if rng.next() % 8 == 0 {
        h.put(UInt8(ascii: "+"))
    }
    if digits.isEmpty {
        switch rng.next() % 5 {
        case 0: h.put("0")
        case 1: h.put("0.0")
        case 2: h.put(".000")
        case 3: h.put("0e12")
        default: h.put("00.e-7")
        }
        return
    }
    var style = Int(rng.next() % 4)
    if style == 1 && (point < -30 || point > 40) { style = 0 }
    switch style {
    case 0:  // scientific: d.ddd e±x
        h.put(digits[0] + 48)
        if digits.count > 1 {
            h.put(UInt8(ascii: "."))
            h.put(digits: digits, from: 1)
        } else if rng.next() & 1 == 0 {
            h.put(".0")
        }
        putExponent(&h, point - 1, &rng)
    case 1:  // fixed notation
        if point <= 0 {
            h.put("0.")
            for _ in 0 ..< -point { h.put(UInt8(ascii: "0")) }
            h.put(digits: digits)
        } else if point >= digits.count {
            h.put(digits: digits)
            for _ in 0..<point - digits.count { h.put(UInt8(ascii: "0")) }
            switch rng.next() % 3 {
            case 0: h.put(".0")
            case 1: h.put(".")
            default: break
            }
        } else {
            h.put(digits: digits, to: point)
            h.put(UInt8(ascii: "."))
            h.put(digits: digits, from: point)
        }
    case 2:  // integer mantissa: ddddd e±x
        h.put(digits: digits)
        let e = point - digits.count
        if e != 0 || rng.next() & 1 == 0 { putExponent(&h, e, &rng) }
    default:  // leading point: .ddd e±x or 0.ddd e±x
        if rng.next() & 1 == 0 { h.put(UInt8(ascii: "0")) }
        h.put(UInt8(ascii: "."))
        h.put(digits: digits)
        putExponent(&h, point, &rng)
    }
}

/// Random finite double from several distributions.
func randomDouble(_ i: Int, _ rng: inout SeededGenerator) -> Double {
    switch i % 10 {
    case 0, 1, 2:  // any finite double, subnormals and huge ones included
        while true {
            let d = Double(bitPattern: rng.next())
            if d.isFinite { return d }
        }
    case 3, 4, 5, 6:  // |x| in 2^-233 … 2^233 ≈ 1e-70 … 1e70, full 53-bit precision
        let exponentField = UInt64(1023 - 233) + rng.next() % 467
        return Double(bitPattern: (rng.next() & 0x800F_FFFF_FFFF_FFFF) | exponentField << 52)
    case 7:
        return Double.random(in: 0..<100, using: &rng)
    case 8:
        return Double.random(in: -1000..<1000, using: &rng)
    default:  // short decimals: 35.0, -0.25, 123, 0.07, …
        let divisors: [Double] = [1, 2, 4, 8, 10, 100, 1000, 1e6]
        return Double(Int.random(in: -1_000_000...1_000_000, using: &rng)) / divisors[Int(rng.next() % 8)]
    }
}

// MARK: - Tests

@Suite("Decimal parser: the same doubles as strtod") struct DecimalParserTests {
    /// (a) 4 × 500,000 random doubles: their `description`, the description's digits cut or extended
    /// to 15–19 significant digits, and to 1–25 digits, each in a random notation.
    @Test(arguments: 0..<4)
    func randomDoubles(chunk: Int) {
        var rng = SeededGenerator(seed: 0xA11CE + UInt64(chunk))
        var h = Harness()
        for i in 0..<500_000 {
            let d = randomDouble(i, &rng)
            let description = d.description
            h.reset()
            h.put(description)
            h.check()

            let (negative, digits, point) = decompose(description)
            for variant in 0..<2 {
                let n = variant == 0 ? Int.random(in: 15...19, using: &rng) : Int.random(in: 1...25, using: &rng)
                var ds = Array(digits.prefix(n))
                let padWithZeros = rng.next() % 4 == 0
                while ds.count < n { ds.append(padWithZeros ? 0 : UInt8(rng.next() % 10)) }
                while ds.last == 0 { ds.removeLast() }
                h.reset()
                putDecimal(&h, negative: negative, digits: ds, point: point, &rng)
                h.check()
            }
        }
        #expect(h.checked == 1_500_000)
        #expect(h.mismatches == 0)
    }

    /// (b) Random digit strings of 1–25 digits, random '.' position, random exponent −30…+30.
    @Test(arguments: 0..<2)
    func randomDigitStrings(chunk: Int) {
        var rng = SeededGenerator(seed: 0xB0B + UInt64(chunk))
        var h = Harness()
        for _ in 0..<400_000 {
            h.reset()
            switch rng.next() % 4 {
            case 0: h.put(UInt8(ascii: "-"))
            case 1: h.put(UInt8(ascii: "+"))
            default: break
            }
            let n = Int.random(in: 1...25, using: &rng)
            let pointAt = rng.next() % 3 == 0 ? -1 : Int.random(in: 0...n, using: &rng)
            for k in 0..<n {
                if k == pointAt { h.put(UInt8(ascii: ".")) }
                h.put(UInt8(rng.next() % 10) + 48)
            }
            if pointAt == n { h.put(UInt8(ascii: ".")) }
            if rng.next() % 4 != 0 { putExponent(&h, Int.random(in: -30...30, using: &rng), &rng) }
            h.check()
        }
        #expect(h.mismatches == 0)
    }

    /// (c) Exact decimal midpoints between adjacent doubles (ties to even), one unit in the last of
    /// three extra digits above and below them, and the doubles around every power of two.
    @Test func halfwayCasesAndPowersOfTwo() {
        var rng = SeededGenerator(seed: 0xC0FFEE)
        var h = Harness()
        var powersOfFive = [BigUInt(1)]
        for _ in 0..<1080 {
            var next = powersOfFive.last!
            next.multiply(by: 5)
            powersOfFive.append(next)
        }

        // The midpoint between a and a.nextUp as N / 10^f.
        func midpoint(_ a: Double) -> (BigUInt, Int) {
            let bits = a.bitPattern & 0x7FFF_FFFF_FFFF_FFFF
            let field = Int(bits >> 52), fraction = bits & 0x000F_FFFF_FFFF_FFFF
            let (m, e) = field == 0 ? (fraction, -1074) : (fraction | 1 << 52, field - 1075)
            var n = BigUInt(2 * m + 1)  // midpoint = (2m + 1) * 2^(e-1)
            if e - 1 >= 0 {
                n.shiftLeft(e - 1)
                return (n, 0)
            }
            n.multiply(by: powersOfFive[1 - e])  // (2m+1) / 2^k = (2m+1) * 5^k / 10^k
            return (n, 1 - e)
        }

        /// Writes (digits / 10^f) in fixed notation.
        func putFixed(_ digits: [UInt8], _ f: Int, negative: Bool) {
            h.reset()
            if negative { h.put(UInt8(ascii: "-")) }
            if f == 0 {
                h.put(digits: digits)
            } else if f >= digits.count {
                h.put("0.")
                for _ in 0..<(f - digits.count) { h.put(UInt8(ascii: "0")) }
                h.put(digits: digits)
            } else {
                h.put(digits: digits, to: digits.count - f)
                h.put(UInt8(ascii: "."))
                h.put(digits: digits, from: digits.count - f)
            }
        }

        var halfwayChecks = 0
        func checkAround(_ a: Double) {
            let negative = rng.next() & 1 == 0
            let (n, f) = midpoint(a)
            let digits = n.decimalDigits
            // Exactly halfway, in fixed and in another random notation.
            putFixed(digits, f, negative: negative)
            h.check()
            var significant = digits
            while significant.last == 0 { significant.removeLast() }
            h.reset()
            putDecimal(&h, negative: negative, digits: significant, point: digits.count - f, &rng)
            h.check()
            // Halfway with trailing zeros, one unit of the 3rd extra digit above, and below.
            putFixed(digits + [0, 0, 0], f + 3, negative: negative)
            h.check()
            putFixed(digits + [0, 0, 1], f + 3, negative: negative)
            h.check()
            var below = digits  // digits - 1 (digits end in an odd digit or n > 0)
            var i = below.count - 1
            while below[i] == 0 { below[i] = 9; i -= 1 }
            below[i] -= 1
            putFixed(below + [9, 9, 9], f + 3, negative: negative)
            h.check()
            halfwayChecks += 5
        }

        // Every power of two: its neighbours' descriptions and the midpoints on both sides.
        for e in -1074...1023 {
            let p = Double(sign: .plus, exponent: e, significand: 1)
            for x in [p.nextDown, p, p.nextUp] where x > 0 && x.isFinite {
                h.reset()
                h.put(x.description)
                h.check()
                h.reset()
                h.put((-x).description)
                h.check()
            }
            if p.nextDown > 0 { checkAround(p.nextDown) }  // midpoint just below 2^e
            checkAround(p)  // midpoint just above 2^e
        }
        checkAround(.greatestFiniteMagnitude)  // rounds to infinity: nil

        for i in 0..<100_000 {
            let a: Double
            switch i % 4 {
            case 0:  // integers in [2^53, 2^64): midpoints of at most 20 digits
                a = Double(
                    sign: .plus, exponent: Int.random(in: 53...63, using: &rng),
                    significand: Double.random(in: 1..<2, using: &rng))
            case 1:  // [2^49, 2^53): midpoints (2m+1)·5^k / 10^k with k ≤ 4, 16–19 digits
                a = Double(
                    sign: .plus, exponent: Int.random(in: 49...52, using: &rng),
                    significand: Double.random(in: 1..<2, using: &rng))
            case 2:  // 1e-70 … 1e70
                a = randomDouble(3, &rng).magnitude
            default:  // anything, subnormals included
                a = randomDouble(0, &rng).magnitude
            }
            if a.nextUp.isFinite && a > 0 { checkAround(a) }
        }
        #expect(halfwayChecks > 200_000)
        #expect(h.mismatches == 0)
    }

    /// Exactly halfway values that fit in 19 digits must come back as ties to even.
    @Test func shortHalfwayCasesRoundToEven() {
        var h = Harness()
        let cases: [(String, Double)] = [
            ("9007199254740993", 9007199254740992),  // 2^53 + 1 → 2^53 (even)
            ("9007199254740995", 9007199254740996),  // 2^53 + 3 → 2^53 + 4 (even)
            ("9007199254740993.0", 9007199254740992),
            ("900719925474099.35e1", 9007199254740994),  // not halfway
            ("18014398509481990", 18014398509481992),  // 2^54 + 6: halfway → 2^54 + 8 (even)
            ("4503599627370496.5", 4503599627370496),  // 2^52 + 0.5 → 2^52 (even)
            ("4503599627370497.5", 4503599627370498),  // 2^52 + 1.5 → 2^52 + 2 (even)
            ("9223372036854775808", 9223372036854775808),  // 2^63
            ("9223372036854776832", 9223372036854775808),  // 2^63 + 1024: halfway → 2^63
            ("9223372036854778880", 9223372036854779904),  // 2^63 + 3072: halfway → 2^63 + 4096
        ]
        for (text, expected) in cases {
            h.reset()
            h.put(text)
            h.expect(expected)
            h.check()
        }
        #expect(h.mismatches == 0)
    }

    /// Edge cases compared with strtod, and with the values we know.
    @Test func specialInputs() {
        var h = Harness()
        let texts = [
            "0", "-0", "+0", "0.0", "-0.0", "0.000", "000000", ".0", "0.", "-.0", "0e0", "-0e-999999999999999999999",
            "1e0", "1E+05", "1e-5", "2.5E+3", "-0.25", "123", "35.0", "13.571428571428571", "48.75057812469963",
            "1.", ".5", "+.5", "-5.", "1.e3", "1e+0", "1e-0", "01", "00012.500", "1e0000000000000000000000001",
            "0.1", "0.2", "0.3", "1e22", "1e23", "9007199254740992", "9007199254740993", "9007199254740994",
            "1e-22", "1e-23", "123456789012345678", "1234567890123456789", "12345678901234567890",
            "1234567890123456789012345", "0.1234567890123456789012345", "9999999999999999999", "10000000000000000000",
            "18446744073709551615", "18446744073709551616", "1e64", "1e65", "1e-64", "1e-65", "9.999999999999999999e64",
            "1.7976931348623157e308", "1.7976931348623158e308", "1.79769313486231580793e308",
            "2.2250738585072014e-308", "2.2250738585072011e-308", "4.9406564584124654e-324", "5e-324",
            "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400", "-1e-400",
            "1e-99999999999999999999999", "0.0000000000000000000000000000000000000000000000000000001e55",
            "1" + String(repeating: "0", count: 300), "0." + String(repeating: "0", count: 330) + "1",
            String(repeating: "9", count: 1000) + "e-990",
            "3." + String(repeating: "3", count: 800),
            "7.038531e-26", "8.758238779270952e-27", "1.448997445238699", "6.2831853071795864769252867665590057683943",
        ]
        for text in texts {
            h.reset()
            h.put(text)
            h.check()
        }
        let known: [(String, Double)] = [
            ("-0", -0.0), ("-0.0", -0.0), ("0", 0.0), ("1e0", 1), ("1E+05", 100000), ("1e-5", 0.00001),
            ("2.5E+3", 2500), ("-0.25", -0.25), ("123", 123), ("35.0", 35), ("13.571428571428571", 13.571428571428571),
            ("1.", 1), (".5", 0.5), ("5e-324", .leastNonzeroMagnitude), ("1e-400", 0), ("-1e-400", -0.0),
            ("1.7976931348623157e308", .greatestFiniteMagnitude), ("0.1", 0.1), ("1e23", 1e23),
        ]
        for (text, value) in known {
            h.reset()
            h.put(text)
            h.expect(value)
        }
        // Overflow to infinity is nil.
        for text in [
            "1e309", "-1e309", "1.7976931348623159e308", "1e99999999999999999999",
            "1" + String(repeating: "0", count: 400),
        ] {
            h.reset()
            h.put(text)
            h.expect(nil)
        }
        #expect(h.mismatches == 0)
    }

    /// (d) Texts outside the grammar give nil.
    @Test func invalidInputsAreNil() {
        var h = Harness()
        let texts = [
            "", ".", "e5", "E5", "1e", "1E", "1e+", "1e-", "1.2.3", "+", "-", "+-1", "--1", "inf", "-inf", "Infinity",
            "nan",
            "NaN", "0x1p3", "0X10", " 1", "1 ", " ", "1,5", "1_000", "1e5.0", "1e5e5", ".e5", "-.e5", "+.", "1d5", "0x",
            "1f", "١", "1e+-5", "e", "1.5.", "..5", "1..5", "∞", "\t1", "1\n", "1\0", "12a", "a12",
        ]
        for text in texts {
            h.reset()
            h.put(text)
            h.expect(nil)
        }
        // An empty range inside a non-empty buffer, and a range in the middle of a buffer.
        let bytes = Array("x12.5y".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(DecimalParser.parse(buffer, 1..<1) == nil)
            #expect(DecimalParser.parse(buffer, 1..<5) == 12.5)
            #expect(DecimalParser.parse(buffer, 0..<5) == nil)
            #expect(DecimalParser.parse(buffer, 1..<6) == nil)
        }
        #expect(h.mismatches == 0)
    }

    /// Random short texts over the grammar's alphabet (and a few foreign bytes): nil exactly when a
    /// separately written matcher rejects the text, else strtod's value.
    @Test func randomTextsMatchGrammar() {
        func grammatical(_ s: [UInt8]) -> Bool {
            func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
            var i = 0, mantissaDigits = 0
            if i < s.count && (s[i] == 43 || s[i] == 45) { i += 1 }
            while i < s.count && isDigit(s[i]) { i += 1; mantissaDigits += 1 }
            if i < s.count && s[i] == 46 {
                i += 1
                while i < s.count && isDigit(s[i]) { i += 1; mantissaDigits += 1 }
            }
            if mantissaDigits == 0 { return false }
            if i < s.count && (s[i] == 101 || s[i] == 69) {
                i += 1
                if i < s.count && (s[i] == 43 || s[i] == 45) { i += 1 }
                var exponentDigits = 0
                while i < s.count && isDigit(s[i]) { i += 1; exponentDigits += 1 }
                if exponentDigits == 0 { return false }
            }
            return i == s.count
        }
        let alphabet = Array("0123456789012345678901234567890123456789..eE+-+-eE. x".utf8) + [0xD9, 0x09]
        var rng = SeededGenerator(seed: 0xD00D)
        var h = Harness()
        var valid = 0
        for _ in 0..<300_000 {
            let n = Int(rng.next() % 11)
            let text = (0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            h.reset()
            for c in text { h.put(c) }
            if grammatical(text) {
                valid += 1
                h.check()
            } else {
                h.expect(nil)
            }
        }
        #expect(valid > 50_000)
        #expect(h.mismatches == 0)
    }
}
