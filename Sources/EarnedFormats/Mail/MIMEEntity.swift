import Foundation

/// One MIME entity: a whole message or one part of a multipart body. Its headers unfolded
/// (RFC 5322 §2.2.3), its body as bytes; parts split at their boundary (RFC 2046 §5.1.1).
struct MIMEEntity {
    var headers: [(name: String, value: String)]
    var body: ArraySlice<UInt8>

    init(_ bytes: some Collection<UInt8>) {
        let bytes = Array(bytes)
        // The header ends at the first empty line (CRLF CRLF, or LF LF from a program that
        // wrote bare line feeds); an entity that starts with an empty line has no headers.
        var end = bytes.count
        var bodyStart = bytes.count
        if bytes.starts(with: [13, 10]) {
            (end, bodyStart) = (0, 2)
        } else if bytes.first == 10 {
            (end, bodyStart) = (0, 1)
        } else {
            var index = 0
            while index + 1 < bytes.count {
                if bytes[index] == 10 {
                    if bytes[index + 1] == 10 {
                        (end, bodyStart) = (index, index + 2)
                        break
                    }
                    if bytes[index + 1] == 13, index + 2 < bytes.count, bytes[index + 2] == 10 {
                        (end, bodyStart) = (index, index + 3)
                        break
                    }
                }
                index += 1
            }
        }
        headers = Self.headers(bytes[..<end])
        body = bytes[min(bodyStart, bytes.count)...]
    }

    static func headers(_ block: ArraySlice<UInt8>) -> [(name: String, value: String)] {
        var lines: [[UInt8]] = []
        for raw in block.split(separator: 10, omittingEmptySubsequences: false) {
            var line = Array(raw)
            if line.last == 13 { line.removeLast() }
            if let first = line.first, first == 32 || first == 9, !lines.isEmpty {
                lines[lines.count - 1] += line  // a folded line continues the header before it
            } else if !line.isEmpty {
                lines.append(line)
            }
        }
        return lines.compactMap { line in
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let name = String(decoding: line[..<colon], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            let value = MIMEHeaderText.raw(Array(line[(colon + 1)...])).trimmingCharacters(in: .whitespaces)
            return (name, value)
        }
    }

    /// The first header of this name (case-insensitive).
    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    var contentType: MIMEHeaderValue { MIMEHeaderValue(header("Content-Type") ?? "") }

    /// The parts of a multipart body: what lies between `--boundary` lines, up to `--boundary--`.
    func parts(boundary: String) -> [MIMEEntity] {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [MIMEEntity] = []
        var start: Int?
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            let lineEnd = body[lineStart...].firstIndex(of: 10) ?? body.endIndex
            var line = body[lineStart..<lineEnd]
            if line.last == 13 { line = line.dropLast() }
            if line.starts(with: delimiter) {
                let rest = line.dropFirst(delimiter.count)
                let closing = rest.starts(with: [45, 45])
                if rest.allSatisfy({ $0 == 32 || $0 == 9 }) || closing {
                    if let from = start {
                        // The line break before a delimiter belongs to it (RFC 2046 §5.1.1).
                        var to = lineStart
                        if to > from, body[to - 1] == 10 { to -= 1 }
                        if to > from, body[to - 1] == 13 { to -= 1 }
                        parts.append(MIMEEntity(body[from..<to]))
                    }
                    if closing { return parts }
                    start = min(lineEnd + 1, body.endIndex)
                }
            }
            lineStart = lineEnd + 1
        }
        if let from = start, from < body.endIndex { parts.append(MIMEEntity(body[from...])) }
        return parts
    }

    /// The body with its transfer encoding undone: base64, quoted-printable, or as it is.
    func decodedBody() -> [UInt8] {
        switch (header("Content-Transfer-Encoding") ?? "").trimmingCharacters(in: .whitespaces).lowercased() {
        case "base64":
            let text = body.filter { !($0 == 13 || $0 == 10 || $0 == 32 || $0 == 9) }
            var padded = String(decoding: text, as: UTF8.self)
            while padded.utf8.count % 4 != 0 { padded += "=" }
            return Data(base64Encoded: padded, options: .ignoreUnknownCharacters).map { Array($0) } ?? Array(body)
        case "quoted-printable":
            return Self.quotedPrintableDecoded(body)
        default:
            return Array(body)
        }
    }

    /// Undoes quoted-printable (RFC 2045 §6.7): `=XX` is a byte, `=` at a line's end joins the
    /// next line; a malformed `=` stays as it is, as mail programs read it.
    static func quotedPrintableDecoded(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let input = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case 48...57: b - 48
            case 65...70: b - 55
            case 97...102: b - 87
            default: nil
            }
        }
        var i = 0
        while i < input.count {
            let byte = input[i]
            if byte == 61 {
                if i + 2 < input.count, let high = hex(input[i + 1]), let low = hex(input[i + 2]) {
                    out.append(high << 4 | low)
                    i += 3
                    continue
                }
                // A soft line break: "=" then optional white space, then CRLF or LF.
                var j = i + 1
                while j < input.count, input[j] == 32 || input[j] == 9 { j += 1 }
                if j < input.count, input[j] == 13, j + 1 < input.count, input[j + 1] == 10 {
                    i = j + 2
                    continue
                }
                if j < input.count, input[j] == 10 {
                    i = j + 1
                    continue
                }
                if j == input.count {
                    i = j
                    continue
                }
            }
            out.append(byte)
            i += 1
        }
        return out
    }
}

/// A structured header's value and its parameters: `text/plain; charset="koi8-r"`, with RFC 2231
/// parameters (`filename*=UTF-8''%D0%A7%D0%B5%D0%BA.pdf`, continued as `name*0*`, `name*1*`).
struct MIMEHeaderValue {
    /// Lower-case.
    var value: String
    /// By lower-case name.
    var parameters: [String: String]

    init(_ raw: String) {
        let pieces = Self.split(raw)
        value = (pieces.first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        var plain: [String: String] = [:]
        var continued: [String: [(Int, String, Bool)]] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            var name = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var text = piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 {
                text = String(text.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            let extended = name.hasSuffix("*")
            if extended { name.removeLast() }
            if let star = name.firstIndex(of: "*"), let number = Int(name[name.index(after: star)...]) {
                continued[String(name[..<star]), default: []].append((number, text, extended))
            } else if extended {
                plain[name] = Self.extended(text, first: true)
            } else {
                plain[name] = text
            }
        }
        for (name, sections) in continued where plain[name] == nil {
            let ordered = sections.sorted { $0.0 < $1.0 }
            var bytes: [UInt8] = []
            var charset: String?
            for (index, section) in ordered.enumerated() {
                if section.2 {
                    var text = section.1
                    if index == 0 {
                        let fields = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                        if fields.count == 3 {
                            charset = String(fields[0])
                            text = String(fields[2])
                        }
                    }
                    bytes += Self.percentDecoded(text)
                } else {
                    bytes += Array(section.1.utf8)
                }
            }
            plain[name] = MIMEHeaderText.text(bytes, charset: charset)
        }
        parameters = plain
    }

    /// `charset'language'%XX…` of one extended value.
    static func extended(_ text: String, first: Bool) -> String {
        let fields = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3 else { return String(decoding: percentDecoded(text), as: UTF8.self) }
        return MIMEHeaderText.text(percentDecoded(String(fields[2])), charset: String(fields[0]))
    }

    static func percentDecoded(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 37, i + 2 < bytes.count,
                let byte = UInt8(String(decoding: bytes[i + 1...i + 2], as: UTF8.self), radix: 16)
            {
                out.append(byte)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    /// Split at semicolons outside quotes.
    static func split(_ raw: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        for character in raw {
            if character == "\"" { quoted.toggle() }
            if character == ";" && !quoted {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        return pieces
    }
}
