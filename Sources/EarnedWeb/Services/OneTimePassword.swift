import Crypto
import EarnedDomain
import EarnedServices
import Foundation

/// The web layer's side of TOTP: HMAC-SHA1 from swift-crypto for the domain's arithmetic,
/// new secrets, and recovery codes.
enum OneTimePassword {
    static let hmacSHA1: TOTP.HMAC = { key, message in
        Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }

    static func totp(_ secret: [UInt8], digits: Int = 6) -> TOTP {
        TOTP(secret: secret, digits: digits, hmac: hmacSHA1)
    }

    /// 160 random bits, the size RFC 4226 recommends for an HMAC-SHA1 key.
    static func newSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<20).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    static let recoveryCodeCount = 10

    /// Ten codes of 80 random bits each, written as "abcd-efgh-ijkl-mnop".
    static func newRecoveryCodes() -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<recoveryCodeCount).map { _ in
            let bytes = (0..<10).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = Base32.encode(bytes, padding: false).lowercased()
            return stride(from: 0, to: text.count, by: 4).map { start in
                let from = text.index(text.startIndex, offsetBy: start)
                return String(text[from..<text.index(from, offsetBy: 4)])
            }.joined(separator: "-")
        }
    }

    /// The stored form of a recovery code as typed: case, spaces and hyphens do not matter.
    static func recoveryHash(_ typed: String) -> String {
        Secrets.sha256(typed.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// Whether what was typed looks like an app's code rather than a recovery code.
    static func looksLikeAppCode(_ typed: String) -> Bool {
        let cleaned = typed.filter { !$0.isWhitespace }
        return cleaned.count == 6 && cleaned.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
