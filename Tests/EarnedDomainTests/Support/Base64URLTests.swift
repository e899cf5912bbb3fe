import Foundation
import Testing

@testable import EarnedDomain

@Suite("Unpadded base64url")
struct Base64URLTests {
    /// Foundation's base64 with - for +, _ for /, and no padding: the reference.
    static func reference(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    @Test("encodes as Foundation's base64 made URL-safe, and decodes back", arguments: 0...40)
    func roundTrip(length: Int) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let text = Base64URL.encode(bytes)
        #expect(text == Self.reference(bytes))
        #expect(Base64URL.decode(text) == bytes)
    }

    @Test("RFC 4648 test vectors, padded or not")
    func vectors() {
        for (plain, encoded) in [
            ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"),
        ] {
            #expect(Base64URL.encode(Array(plain.utf8)) == encoded)
            #expect(Base64URL.decode(encoded) == Array(plain.utf8))
        }
        #expect(Base64URL.decode("Zm8=") == Array("fo".utf8))
        #expect(Base64URL.decode("-_8") == [0xFB, 0xFF])
    }

    @Test("refuses what no encoder writes", arguments: ["Z", "Zm9vY", "Zm+v", "Zm/v", "Zm9 v", "Zh", "Zm9"])
    func refuses(_ text: String) {
        // "Zh" and "Zm9" leave non-zero bits after the last byte; the others hold a character
        // outside the alphabet or have a length no encoding gives.
        #expect(Base64URL.decode(text) == nil)
    }
}
