import Testing

@testable import EarnedDomain

@Suite("Base32 (RFC 4648)")
struct Base32Tests {
    @Test(
        "the RFC 4648 section 10 test vectors",
        arguments: [
            ("", ""), ("f", "MY======"), ("fo", "MZXQ===="), ("foo", "MZXW6==="), ("foob", "MZXW6YQ="),
            ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI======"),
        ])
    func vectors(_ plain: String, _ encoded: String) {
        #expect(Base32.encode(Array(plain.utf8)) == encoded)
        #expect(Base32.decode(encoded) == Array(plain.utf8))
    }

    @Test("decoding ignores case, spaces and hyphens; refuses what no encoder writes")
    func lenient() {
        #expect(Base32.decode("mzxw 6ytb-oi") == Array("foobar".utf8))
        #expect(Base32.encode(Array("foobar".utf8), padding: false) == "MZXW6YTBOI")
        #expect(Base32.decode("MZXW6YTB1") == nil)  // 1 is not in the alphabet
        #expect(Base32.decode("MZX") == nil)  // three characters cannot end a group
        #expect(Base32.decode("Привет") == nil)
    }
}
