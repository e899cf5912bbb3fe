import Foundation
import Testing

@testable import EarnedDomain

@Suite("Trimming")
struct TrimmingTests {
    @Test("the listed spaces are exactly Foundation's white space and line breaks, over every scalar")
    func sameSpacesAsFoundation() {
        let foundation = CharacterSet.whitespacesAndNewlines
        var differences: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.isTrimmedSpace != foundation.contains(scalar) { differences.append(value) }
        }
        #expect(differences == [], "\(differences.map { String($0, radix: 16) })")
    }

    @Test("trims as Foundation does; nothing left is nil")
    func trims() {
        let samples = [
            "Кофе, 1 кг", " Кофе ", "\u{00A0}Анна\u{00A0}", "\u{3000}東京\u{2003}", "\tline\r\n", "a", "", "   ",
            "\u{2028}", "Ёж\u{202F}", "x\u{200B}",
        ]
        for text in samples {
            let expected = text.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(text.trimmedOrNil == (expected.isEmpty ? nil : expected), "\(Array(text.unicodeScalars))")
        }
        #expect(" Кофе ".trimmedOrNil == "Кофе")
        #expect("\u{00A0}\u{2009}".trimmedOrNil == nil)
    }
}
