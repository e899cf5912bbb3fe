import Foundation

/// Text in incoming mail: encoded-words in headers (RFC 2047) and bodies in a named charset.
/// The charsets Russian mail arrives in are read exactly (UTF-8, KOI8-R, Windows-1251, Latin-1,
/// ASCII); any other, or none, is guessed as the CSV import guesses (`TextDecoding.detect`).
enum MIMEHeaderText {
    /// A header's bytes as text: UTF-8 when they are (RFC 6532), otherwise guessed.
    static func raw(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return TextDecoding.decode(bytes).text
    }

    /// Bytes in `charset` as text.
    static func text(_ bytes: [UInt8], charset: String?) -> String {
        let name = (charset ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        switch name {
        case "utf-8", "utf8":
            return String(decoding: bytes, as: UTF8.self)
        case "koi8-r", "koi8r", "cskoi8r":
            return TextDecoding.decodeKOI8R(bytes)
        case "windows-1251", "cp1251", "x-cp1251", "win-1251":
            return TextDecoding.decodeWindows1251(bytes)
        case "us-ascii", "ascii", "iso-8859-1", "latin1", "iso_8859-1":
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        default:
            return TextDecoding.decode(bytes).text
        }
    }

    /// A header's text with its encoded-words decoded: `=?charset?B?…?=` (base64) or `?Q?`
    /// (quoted-printable with `_` for a space). White space between two encoded-words is
    /// dropped (RFC 2047 §6.2); a malformed word stays as written.
    ///
    /// With `quoting` (an address header), each run of encoded-words becomes a quoted string,
    /// so a comma inside a name does not split the list, while a run that is only punctuation
    /// (Python writes the comma between two addresses as `=?utf-8?q?=2C?=`) stays bare.
    static func decode(_ header: String, quoting: Bool = false) -> String {
        var out = ""
        var rest = header[...]
        var run = ""
        var inRun = false
        var pendingSpace = ""
        func flush() {
            guard inRun else { return }
            let bare = run.trimmingCharacters(in: .whitespaces)
            if !quoting || bare.isEmpty || bare.allSatisfy({ ",;:".contains($0) }) {
                out += run
            } else {
                out +=
                    "\""
                    + run.replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "\"", with: "\\\"") + "\""
            }
            run = ""
            inRun = false
        }
        while !rest.isEmpty {
            if rest.hasPrefix("=?"), let (decoded, after) = word(rest) {
                if !inRun { out += pendingSpace }
                pendingSpace = ""
                run += decoded
                inRun = true
                rest = after
                continue
            }
            let character = rest.removeFirst()
            if character == " " || character == "\t" {
                pendingSpace.append(character)
            } else {
                flush()
                out += pendingSpace
                pendingSpace = ""
                out.append(character)
            }
        }
        flush()
        return out + pendingSpace
    }

    /// One encoded-word at the start of `text`, decoded, and what follows it.
    private static func word(_ text: Substring) -> (String, Substring)? {
        let body = text.dropFirst(2)
        let fields = body.split(separator: "?", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3, let end = fields[2].range(of: "?=") else { return nil }
        let charset = fields[0].split(separator: "*").first.map(String.init) ?? ""  // RFC 2231 §5: charset*lang
        let encoded = fields[2][..<end.lowerBound]
        guard !encoded.contains(" ") else { return nil }
        let bytes: [UInt8]
        switch fields[1].uppercased() {
        case "B":
            var padded = String(encoded)
            while padded.utf8.count % 4 != 0 { padded += "=" }
            guard let data = Data(base64Encoded: padded) else { return nil }
            bytes = Array(data)
        case "Q":
            bytes = MIMEEntity.quotedPrintableDecoded(encoded.utf8.map { $0 == UInt8(ascii: "_") ? 32 : $0 })
        default:
            return nil
        }
        return (Self.text(bytes, charset: charset), fields[2][end.upperBound...])
    }
}
