import Foundation

/// The encodings an Internet message's text goes through on its way out: encoded-words for
/// headers (RFC 2047), quoted-printable for bodies (RFC 2045 §6.7), and the date of RFC 5322
/// §3.3. Pure functions over strings and bytes; `MailMessage` puts them together.
public enum MailEncoding {
    /// The most bytes of UTF-8 text one encoded-word carries: its base64 is 52 characters, the
    /// word 64, so a header line holding one stays under RFC 5322's 78 (`Subject: ` + 64 = 73).
    static let bytesPerWord = 39

    /// A header's unstructured text (a subject, a display name) as it may be written: itself
    /// when it is printable ASCII with no run longer than a line, otherwise as UTF-8
    /// `=?UTF-8?B?…?=` words joined by folding white space (RFC 2047 §2, §5(1)), each word
    /// whole characters (a word never splits a Cyrillic letter's bytes).
    public static func headerText(_ text: String) -> String {
        if isPlainHeaderText(text) { return text }
        return encodedWords(text).joined(separator: "\r\n ")
    }

    /// The text as RFC 2047 "B" encoded-words of UTF-8, each at most `bytesPerWord` bytes.
    public static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if !chunk.isEmpty, chunk.count + bytes.count > bytesPerWord {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }

    /// Printable ASCII, no line break, no "=?" that a reader would take for an encoded-word,
    /// and short enough for one line.
    static func isPlainHeaderText(_ text: String) -> Bool {
        text.utf8.count <= 70 && !text.contains("=?") && text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// A mailbox for an address header: `addr`, `Name <addr>`, `"Name, Jr." <addr>` or
    /// `=?UTF-8?B?…?= <addr>` (RFC 5322 §3.4 with RFC 2047 §5(3) for a name that is not ASCII),
    /// the words and the address folded onto lines of their own.
    public static func mailbox(name: String?, address: String) -> String {
        guard let name = name?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return address }
        let ascii = name.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        if !ascii || name.contains("=?") {
            return encodedWords(name).joined(separator: "\r\n ") + "\r\n <" + address + ">"
        }
        let atext = name.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || " !#$%&'*+-/=?^_`{|}~".unicodeScalars.contains($0)
        }
        if atext { return name + " <" + address + ">" }
        let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"" + quoted + "\" <" + address + ">"
    }

    /// A body as quoted-printable (RFC 2045 §6.7): line breaks become CRLF and stay hard breaks;
    /// `=`, bytes outside printable ASCII, and a space or tab that ends a line are `=XX`; lines
    /// longer than 76 characters end in a soft break (`=` CRLF). Never holds "=_", so a
    /// boundary that starts with it cannot occur in the encoded text.
    public static func quotedPrintable(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if index > 0 { out += [13, 10] }
            let bytes = Array(line.utf8)
            var length = 0
            for (position, byte) in bytes.enumerated() {
                let last = position == bytes.count - 1
                let literal =
                    (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !last)
                let piece: [UInt8] = literal ? [byte] : [61, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
                // A soft break when the piece would pass 75 characters (the `=` makes 76).
                if length + piece.count > 75 {
                    out += [61, 13, 10]
                    length = 0
                }
                out += piece
                length += piece.count
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A date as RFC 5322 §3.3 writes it, in UTC: `Mon, 07 Dec 2026 02:05:09 +0000`.
    public static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        return "\(days[(c.weekday ?? 1) - 1]), \(two(c.day)) \(months[(c.month ?? 1) - 1]) \(c.year ?? 1970) "
            + "\(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000"
    }
}
