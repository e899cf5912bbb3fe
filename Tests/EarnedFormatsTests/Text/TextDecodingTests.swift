import Foundation
import Testing

@testable import EarnedFormats

@Suite struct TextDecodingTests {
    @Test func windows1251IsDetectedWhenBytesAreNotUTF8() {
        let decoded = TextDecoding.decode(CSVFixtures.russianWindows1251)

        #expect(decoded.encoding == .windows1251)
        #expect(decoded.text == CSVFixtures.russianText)
        #expect(!decoded.hadByteOrderMark)
    }

    @Test func windows1251TableMatchesKnownCodePoints() {
        let table = TextDecoding.windows1251Table

        #expect(table.count == 128)
        #expect(table[0xA8 - 0x80] == 0x0401)  // Ё
        #expect(table[0xB8 - 0x80] == 0x0451)  // ё
        #expect(table[0xB9 - 0x80] == 0x2116)  // №
        #expect(table[0x88 - 0x80] == 0x20AC)  // €
        #expect(table[0xA0 - 0x80] == 0x00A0)  // no-break space
        #expect(table[0xC0 - 0x80] == 0x0410)  // А
        #expect(table[0xFF - 0x80] == 0x044F)  // я
        #expect(TextDecoding.decodeWindows1251([0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x21]) == "Привет!")
    }

    @Test func utf8ByteOrderMarkIsStripped() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id;имя\n".utf8)

        let decoded = TextDecoding.decode(bytes)

        #expect(decoded.text == "id;имя\n")
        #expect(decoded.encoding == .utf8)
        #expect(decoded.hadByteOrderMark)
    }

    @Test func utf8WithoutByteOrderMark() {
        let decoded = TextDecoding.decode(Array("Ёлка;1 234,56 ₽".utf8))

        #expect(decoded.encoding == .utf8)
        #expect(decoded.text == "Ёлка;1 234,56 ₽")
        #expect(!decoded.hadByteOrderMark)
    }

    @Test func asciiReadsAsUTF8() {
        #expect(TextDecoding.detect(Array("a,b\n1,2\n".utf8)) == .utf8)
    }

    @Test(arguments: [false, true])
    func utf16WithByteOrderMark(bigEndian: Bool) {
        let text = "Код;Сумма\n1;😀 12,50\n"

        let decoded = TextDecoding.decode(CSVFixtures.utf16(text, bigEndian: bigEndian))

        #expect(decoded.encoding == (bigEndian ? .utf16BigEndian : .utf16LittleEndian))
        #expect(decoded.text == text)
        #expect(decoded.hadByteOrderMark)
    }

    @Test func utf16WithoutByteOrderMarkIsRecognisedByItsNulBytes() {
        let bytes = Array(CSVFixtures.utf16("id,name\n1,Anna\n", bigEndian: false).dropFirst(2))

        let decoded = TextDecoding.decode(bytes)

        #expect(decoded.encoding == .utf16LittleEndian)
        #expect(decoded.text == "id,name\n1,Anna\n")
    }

    @Test func forcedEncodingOverridesDetection() {
        // Valid UTF-8 ("Ð¿" read as Windows-1251 gives "Рї").
        let decoded = TextDecoding.decode(Array("п".utf8), encoding: .windows1251)

        #expect(decoded.encoding == .windows1251)
        #expect(decoded.text == "Рї")
    }

    @Test func utf8ValidationRejectsOverlongsAndSurrogates() {
        func validate(_ bytes: [UInt8]) -> StreamingTextDecoder.UTF8Validation {
            bytes.withUnsafeBufferPointer { StreamingTextDecoder.validateUTF8($0) }
        }

        #expect(validate(Array("Ёж €😀".utf8)) == .valid)
        #expect(validate([0xC0, 0x80]) == .invalid)  // overlong NUL
        #expect(validate([0xED, 0xA0, 0x80]) == .invalid)  // surrogate
        #expect(validate([0xF4, 0x90, 0x80, 0x80]) == .invalid)  // above U+10FFFF
        #expect(validate([0xD0, 0x81, 0xE2, 0x82]) == .truncated(completeSequences: 1))
    }
}
