import Foundation

/// Text decoded by ``TextDecoding``, with the encoding it was found in.
public struct DecodedText: Sendable, Hashable {
    /// The decoded text, without a byte-order mark.
    public var text: String
    /// The encoding that was detected (or forced).
    public var encoding: TextDecoding.Encoding
    /// Whether the input started with a byte-order mark (which is not part of ``text``).
    public var hadByteOrderMark: Bool

    /// Creates a decoded text value.
    public init(text: String, encoding: TextDecoding.Encoding, hadByteOrderMark: Bool) {
        self.text = text
        self.encoding = encoding
        self.hadByteOrderMark = hadByteOrderMark
    }
}
