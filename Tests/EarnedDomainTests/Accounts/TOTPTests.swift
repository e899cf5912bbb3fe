import Foundation
import Testing

@testable import EarnedDomain

@Suite("TOTP arithmetic")
struct TOTPTests {
    /// A stand-in HMAC whose first four bytes are the counter's low four bytes and whose last
    /// byte points the truncation at them, so the code is the counter modulo 10^6.
    static let counterEcho: TOTP.HMAC = { _, message in
        Array(message[4..<8]) + Array(repeating: 0, count: 16)
    }

    @Test("dynamic truncation matches RFC 4226 section 5.4's worked example")
    func truncation() {
        let mac: [UInt8] = [
            0x1f, 0x86, 0x98, 0x69, 0x0e, 0x02, 0xca, 0x16, 0x61, 0x85, 0x50, 0xef, 0x7f, 0x19, 0xda, 0x8e, 0x94, 0x5b,
            0x55, 0x5a,
        ]
        #expect(TOTP.truncate(mac, digits: 6) == "872921")
        #expect(TOTP.truncate(mac, digits: 10) == "1357872921")
    }

    @Test("the step counter is whole 30-second steps since 1970")
    func counter() {
        let totp = TOTP(secret: [], hmac: Self.counterEcho)
        #expect(totp.counter(at: Date(timeIntervalSince1970: 59)) == 1)
        #expect(totp.counter(at: Date(timeIntervalSince1970: 60)) == 2)
        #expect(totp.counter(at: Date(timeIntervalSince1970: 1_111_111_109)) == 37_037_036)
    }

    @Test("a code of the step before or after is accepted; two steps away is not")
    func window() {
        let totp = TOTP(secret: [], hmac: Self.counterEcho)
        let now = Date(timeIntervalSince1970: 30 * 1_000_000 + 7)  // step 1 000 000
        #expect(totp.code(at: now) == "000000")
        #expect(totp.matchingCounter("000000", at: now) == 1_000_000)
        #expect(totp.matchingCounter("999999", at: now) == 999_999)
        #expect(totp.matchingCounter("000 001", at: now) == 1_000_001)
        #expect(totp.matchingCounter("000002", at: now) == nil)
        #expect(totp.matchingCounter("999998", at: now) == nil)
        #expect(totp.matchingCounter("12345", at: now) == nil)
        #expect(totp.matchingCounter("abcdef", at: now) == nil)
    }

    @Test("the provisioning address carries the key without padding and the issuer")
    func provisioning() {
        let uri = TOTP.provisioningURI(secret: Array("foobar".utf8), issuer: "Earned", account: "anna@example.ru")
        #expect(
            uri
                == "otpauth://totp/Earned:anna@example.ru?secret=MZXW6YTBOI&issuer=Earned&algorithm=SHA1&digits=6&period=30"
        )
    }

    @Test("password rules: at least 10 characters, at most 72 bytes")
    func passwordRules() {
        #expect(PasswordRules.problems("short").map(\.code) == [.tooShort])
        #expect(PasswordRules.problems("long enough phrase").isEmpty)
        #expect(PasswordRules.problems(String(repeating: "я", count: 40)).map(\.code) == [.outOfRange])
    }
}
