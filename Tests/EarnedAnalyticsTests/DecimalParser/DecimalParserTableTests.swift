import Testing

@testable import EarnedAnalytics

@Suite("Decimal parser: its table of powers of ten") struct DecimalParserTableTests {
    /// Every entry must be floor(10^q * 2^k) with k chosen so that it lies in [2^127, 2^128),
    /// recomputed here with exact integer arithmetic.
    @Test func everyEntryIsTheTruncatedPowerOfTen() {
        let table = DecimalParser.powersOfTen
        let minQ = DecimalParser.minExponent, maxQ = DecimalParser.maxExponent
        #expect(minQ == -64 && maxQ == 64)
        #expect(table.count == 2 * (maxQ - minQ + 1))
        for q in minQ...maxQ {
            var v: BigUInt
            if q >= 0 {
                v = BigUInt.power(5, q)  // 10^q = 5^q * 2^q
                let length = v.bitLength
                if length < 128 { v.shiftLeft(128 - length) } else { v.shiftRight(length - 128) }
            } else {
                let divisor = BigUInt.power(5, -q)  // 10^q = 2^q / 5^-q
                v = BigUInt(1)
                v.shiftLeft(127 + divisor.bitLength)
                for _ in 0 ..< -q { v.divide(by: 5) }  // nested floors = floor(2^b / 5^-q)
            }
            #expect(v.bitLength == 128, "1e\(q)")
            let (high, low) = v.low128
            let i = (q - minQ) * 2
            #expect(table[i] == high, "high word of 1e\(q)")
            #expect(table[i + 1] == low, "low word of 1e\(q)")
        }
    }

    /// A few entries as printed in Go's strconv table (eisel_lemire.go), as an outside reference.
    @Test func knownEntries() {
        let known: [(Int, UInt64, UInt64)] = [
            (-45, 0xB6B0_0D69_BB55_C8D1, 0x3D60_7B97_C5FD_0D22),
            (-28, 0xFD87_B5F2_8300_CA0D, 0x8BCA_9D6E_1888_53FC),
            (-27, 0x9E74_D1B7_91E0_7E48, 0x775E_A264_CF55_347D),
            (-5, 0xA7C5_AC47_1B47_8423, 0x0FCF_80DC_3372_1D53),
            (-1, 0xCCCC_CCCC_CCCC_CCCC, 0xCCCC_CCCC_CCCC_CCCC),
            (0, 0x8000_0000_0000_0000, 0),
            (22, 0x8786_7832_6EAC_9000, 0),
            (43, 0xE596_B7B0_C643_C719, 0x6D9C_CD05_D000_0000),
            (64, 0xC278_1F49_FFCF_A6D5, 0x3CBF_6B71_C76B_25FB),
        ]
        for (q, high, low) in known {
            let i = (q - DecimalParser.minExponent) * 2
            #expect(DecimalParser.powersOfTen[i] == high && DecimalParser.powersOfTen[i + 1] == low, "1e\(q)")
        }
    }
}
