import Foundation

/// Detects the character encoding of imported files and decodes them to Unicode.
///
/// Detection order:
/// 1. A byte-order mark: `EF BB BF` (UTF-8, stripped), `FF FE` (UTF-16 LE), `FE FF` (UTF-16 BE).
/// 2. UTF-16 without a mark, recognised by NUL bytes at every other position (ASCII-range text).
/// 3. UTF-8 when the bytes after the leading ASCII run are valid UTF-8, or hold only rare stray
///    bytes among many UTF-8 characters (which the CSV reader reports as problems of their lines).
/// 4. Windows-1251 (Cyrillic) otherwise, decoded through an explicit table
///    (``TextDecoding/windows1251Table``) rather than Foundation's `.windowsCP1251`,
///    which is unreliable on Linux.
///
/// Pure ASCII input is reported as ``Encoding/utf8``.
public enum TextDecoding {
    /// An encoding that ``TextDecoding`` can detect and decode.
    public enum Encoding: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// UTF-8, with or without a byte-order mark.
        case utf8
        /// UTF-16 little-endian.
        case utf16LittleEndian
        /// UTF-16 big-endian.
        case utf16BigEndian
        /// Windows-1251, the Cyrillic code page of Russian Windows and Excel.
        case windows1251

        /// A name for messages, such as "UTF-8" or "Windows-1251".
        public var description: String {
            switch self {
            case .utf8: "UTF-8"
            case .utf16LittleEndian: "UTF-16LE"
            case .utf16BigEndian: "UTF-16BE"
            case .windows1251: "Windows-1251"
            }
        }
    }

    /// Detects the encoding of `bytes` (the whole input, or at least its first chunk).
    public static func detect(_ bytes: some Sequence<UInt8>) -> Encoding {
        decodeToUTF8(bytes).encoding
    }

    /// Decodes `bytes`, detecting their encoding unless `encoding` is given.
    ///
    /// Never fails: bytes that are invalid in the chosen encoding become U+FFFD.
    public static func decode(_ bytes: some Sequence<UInt8>, encoding: Encoding? = nil) -> DecodedText {
        let decoded = decodeToUTF8(bytes, encoding: encoding)
        return DecodedText(
            text: String(decoding: decoded.utf8, as: UTF8.self),
            encoding: decoded.encoding,
            hadByteOrderMark: decoded.hadByteOrderMark
        )
    }

    /// Decodes `bytes` to UTF-8 bytes (without a byte-order mark), detecting their encoding unless
    /// `encoding` is given.
    ///
    /// For callers that work on bytes: it skips making a `String` of the whole input.
    public static func decodeToUTF8(
        _ bytes: some Sequence<UInt8>,
        encoding: Encoding? = nil
    ) -> (utf8: [UInt8], encoding: Encoding, hadByteOrderMark: Bool) {
        var decoder = StreamingTextDecoder(encoding: encoding)
        var output: [UInt8] = []
        let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            output.reserveCapacity(buffer.count)
            decoder.decode(buffer, into: &output)
        }
        if handled == nil {
            let copy = Array(bytes)
            output.reserveCapacity(copy.count)
            copy.withUnsafeBufferPointer { decoder.decode($0, into: &output) }
        }
        decoder.finish(into: &output)
        return (output, decoder.encoding ?? .utf8, decoder.hadByteOrderMark)
    }
}
