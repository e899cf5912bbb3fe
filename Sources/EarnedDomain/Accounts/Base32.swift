import Foundation

/// Base32 with the RFC 4648 §6 alphabet (A–Z, 2–7), the encoding authenticator apps expect
/// for a TOTP secret.
///
/// Source: RFC 4648, "The Base16, Base32, and Base64 Data Encodings", section 6.
public enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// The encoding of `bytes`; with `padding`, "=" fills the last group of eight characters.
    public static func encode(_ bytes: [UInt8], padding: Bool = true) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 4) / 5 * 8)
        var buffer: UInt64 = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt64(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(alphabet[Int(buffer >> UInt64(bits) & 31)])
            }
        }
        if bits > 0 { out.append(alphabet[Int(buffer << UInt64(5 - bits) & 31)]) }
        if padding { while out.count % 8 != 0 { out.append(UInt8(ascii: "=")) } }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of `text`; case, spaces, hyphens and padding are ignored. Nil when a character
    /// is outside the alphabet or the length cannot be a whole number of bytes.
    public static func decode(_ text: String) -> [UInt8]? {
        var buffer: UInt64 = 0
        var bits = 0
        var out: [UInt8] = []
        var count = 0
        for scalar in text.uppercased().unicodeScalars {
            if scalar == " " || scalar == "-" || scalar == "=" { continue }
            guard scalar.isASCII, let index = alphabet.firstIndex(of: UInt8(scalar.value)) else { return nil }
            buffer = buffer << 5 | UInt64(index)
            bits += 5
            count += 1
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(buffer >> UInt64(bits) & 0xFF))
            }
        }
        // Lengths 1, 3 and 6 (mod 8) never come out of an encoder.
        guard ![1, 3, 6].contains(count % 8) else { return nil }
        return out
    }
}
