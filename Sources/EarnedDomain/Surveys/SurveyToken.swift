import Foundation

/// The secret of a one-time public survey link: random bytes as URL-safe base64 without padding
/// (RFC 4648 §5). The raw text goes only into the link sent to the customer; the store keeps its
/// hash, made by a function the caller passes in (SHA-256 hex in production, from the web
/// target's crypto library — the domain imports Foundation only).
public struct SurveyToken: Hashable, Sendable, CustomStringConvertible {
    /// The text in the link.
    public let text: String

    /// 32 bytes: 256 bits.
    public static let defaultByteCount = 32
    /// At least 16 bytes (128 bits) are drawn, whatever is asked for.
    public static let minimumByteCount = 16
    /// The characters a token may contain.
    public static let alphabet = Base64URL.alphabet

    /// A new token of `byteCount` random bytes (at least 16) from `generator`; production passes
    /// `SystemRandomNumberGenerator`, tests a seeded one.
    public static func generate(
        byteCount: Int = defaultByteCount, using generator: inout some RandomNumberGenerator
    ) -> SurveyToken {
        let count = max(byteCount, minimumByteCount)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 7)
        while bytes.count < count {
            withUnsafeBytes(of: generator.next().littleEndian) { bytes.append(contentsOf: $0) }
        }
        let text = Base64URL.encode(bytes.prefix(count))
        return SurveyToken(unchecked: text)
    }

    /// A token read from a link; nil when it cannot be one (too short, too long, or a character
    /// outside the alphabet), so garbage is refused before any look-up.
    public init?(text: String) {
        let shortest = (Self.minimumByteCount * 4 + 2) / 3
        guard (shortest...128).contains(text.count), text.allSatisfy(Self.alphabet.contains) else { return nil }
        self.text = text
    }

    private init(unchecked text: String) { self.text = text }

    /// The value to store and look up by: `hash(text)`.
    public func hashed(by hash: (String) -> String) -> String { hash(text) }

    /// Never the secret itself, so it does not end up in logs.
    public var description: String { "SurveyToken(…)" }
}
