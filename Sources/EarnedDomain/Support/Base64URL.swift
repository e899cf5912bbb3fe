import Foundation

/// Unpadded base64url (RFC 4648 §5), the one encoder of Earned's tokens, survey links and list
/// cursors. Written directly: Foundation's base64 plus three replacements cost more than the rest
/// of a demo's invitations together.
public enum Base64URL {
    static let digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    static let values: [UInt8: UInt32] = Dictionary(
        uniqueKeysWithValues: digits.enumerated().map { ($0.element, UInt32($0.offset)) })

    /// The alphabet, for checking text before decoding it.
    public static let alphabet = Set(digits.map { Character(UnicodeScalar($0)) })

    /// The bytes as unpadded base64url text.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        let b = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity((b.count * 4 + 2) / 3)
        func put(_ n: UInt32, _ count: Int) {
            for shift in [18, 12, 6, 0].prefix(count) { out.append(digits[Int((n >> UInt32(shift)) & 63)]) }
        }
        var i = 0
        while i + 3 <= b.count {
            put(UInt32(b[i]) << 16 | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]), 4)
            i += 3
        }
        switch b.count - i {
        case 1: put(UInt32(b[i]) << 16, 2)
        case 2: put(UInt32(b[i]) << 16 | UInt32(b[i + 1]) << 8, 3)
        default: break
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of unpadded (or padded) base64url text; nil for a character outside the
    /// alphabet, a length no encoding gives, or bits left over that an encoder would have zeroed.
    public static func decode(_ text: String) -> [UInt8]? {
        var input = Array(text.utf8)
        while input.last == UInt8(ascii: "=") { input.removeLast() }
        guard input.count % 4 != 1 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(input.count * 3 / 4)
        var i = 0
        while i < input.count {
            let chunk = input[i..<min(i + 4, input.count)]
            var n: UInt32 = 0
            for c in chunk {
                guard let v = values[c] else { return nil }
                n = n << 6 | v
            }
            n <<= UInt32(6 * (4 - chunk.count))
            let bytes = [UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]
            let kept = chunk.count - 1
            guard bytes[kept...].allSatisfy({ $0 == 0 }) || kept == 3 else { return nil }
            out.append(contentsOf: bytes.prefix(kept))
            i += 4
        }
        return out
    }
}
