import Crypto
import EarnedDomain
import Foundation

/// Random tokens and their hashes. Secrets are 32 random bytes; only SHA-256 hex is stored.
package enum Secrets {
    package static func token(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        return Base64URL.encode((0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    package static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

}
