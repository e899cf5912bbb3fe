import Foundation

/// Text measuring without fonts: advance widths (in em) of the wider of DejaVu Sans and
/// Liberation Sans (Arial metrics), measured in Chromium. DejaVu is the widest common system
/// font, so an estimate from this table rarely falls short of what a phone draws.
enum ChartText {
    static let ellipsis = "…"

    private static let ascii: [Double] = [
        0.32, 0.4, 0.46, 0.84, 0.64, 0.95, 0.78, 0.27, 0.39, 0.39, 0.5, 0.84, 0.32, 0.36, 0.32, 0.34,
        0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.34, 0.34, 0.84, 0.84, 0.84, 0.56,
        1.02, 0.68, 0.69, 0.72, 0.77, 0.67, 0.61, 0.78, 0.75, 0.29, 0.5, 0.67, 0.56, 0.86, 0.75, 0.79,
        0.67, 0.79, 0.72, 0.67, 0.61, 0.73, 0.68, 0.99, 0.69, 0.67, 0.69, 0.39, 0.34, 0.39, 0.84, 0.56,
        0.5, 0.61, 0.63, 0.55, 0.63, 0.62, 0.35, 0.63, 0.63, 0.28, 0.28, 0.58, 0.28, 0.97, 0.63, 0.61,
        0.63, 0.63, 0.41, 0.52, 0.39, 0.63, 0.59, 0.82, 0.59, 0.59, 0.52, 0.64, 0.34, 0.64, 0.84,
    ]

    /// U+0410 А … U+044F я.
    private static let cyrillic: [Double] = [
        0.68, 0.69, 0.69, 0.61, 0.78, 0.67, 1.08, 0.64, 0.75, 0.75, 0.71, 0.75, 0.86, 0.75, 0.79, 0.75,
        0.67, 0.72, 0.61, 0.64, 0.86, 0.69, 0.78, 0.69, 1.07, 1.09, 0.83, 0.89, 0.69, 0.72, 1.08, 0.72,
        0.61, 0.62, 0.59, 0.53, 0.69, 0.62, 0.9, 0.53, 0.65, 0.65, 0.6, 0.64, 0.75, 0.65, 0.61, 0.65,
        0.63, 0.55, 0.58, 0.59, 0.85, 0.59, 0.68, 0.59, 0.92, 0.94, 0.71, 0.79, 0.59, 0.55, 0.84, 0.6,
    ]

    private static func em(_ scalar: Unicode.Scalar) -> Double {
        let v = scalar.value
        switch v {
        case 0x20...0x7E: return ascii[Int(v - 0x20)]
        case 0x410...0x44F: return cyrillic[Int(v - 0x410)]
        case 0x401, 0x451: return 0.68  // Ё ё
        case 0x2009, 0x202F, 0x200A: return 0.2  // thin spaces used in grouped numbers
        case 0xA0, 0xB7: return 0.32
        case 0x300...0x36F, 0x200B...0x200D: return 0  // combining marks, zero-width
        case 0x2013: return 0.56
        case 0x2014, 0x2026: return 1
        case 0x2116: return 1.07  // №
        case 0x1100...0x11FF, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60:
            return 1  // wide East Asian
        case 0x1F000...0x1FAFF: return 1.2  // emoji
        default: return 0.7
        }
    }

    /// Estimated advance width of `text` at `size` units.
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        let ems = text.unicodeScalars.reduce(0) { $0 + em($1) }
        return ems * size * (bold ? 1.15 : 1)
    }

    /// `text` itself when it fits in `maxWidth`, otherwise its longest prefix that fits followed by "…".
    static func truncate(_ text: String, maxWidth: Double, size: Double, bold: Bool = false) -> String {
        if width(text, size: size, bold: bold) <= maxWidth { return text }
        var characters = Array(text)
        while !characters.isEmpty {
            characters.removeLast()
            let candidate = String(characters).trimmingCharacters(in: .whitespaces) + ellipsis
            if width(candidate, size: size, bold: bold) <= maxWidth { return candidate }
        }
        return width(ellipsis, size: size, bold: bold) <= maxWidth ? ellipsis : ""
    }

    /// Word-wraps `text` into at most `maxLines` lines no wider than `maxWidth`; the last line is
    /// truncated with "…" when the text does not fit. A word longer than a line is cut.
    static func wrap(_ text: String, maxWidth: Double, size: Double, maxLines: Int, bold: Bool = false) -> [String] {
        var remaining = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
        guard !remaining.isEmpty else { return [""] }
        var lines: [String] = []
        while !remaining.isEmpty {
            if lines.count >= maxLines - 1 {
                lines.append(
                    truncate(remaining.joined(separator: " "), maxWidth: maxWidth, size: size, bold: bold))
                return lines
            }
            var current = ""
            while let word = remaining.first {
                let candidate = current.isEmpty ? word : current + " " + word
                if width(candidate, size: size, bold: bold) <= maxWidth {
                    current = candidate
                    remaining.removeFirst()
                    continue
                }
                if current.isEmpty {
                    // One word wider than the line: cut it where it stops fitting.
                    var head = ""
                    for character in word {
                        if width(head + String(character), size: size, bold: bold) > maxWidth { break }
                        head.append(character)
                    }
                    if head.isEmpty { head = String(word.prefix(1)) }
                    current = head
                    let rest = String(word.dropFirst(head.count))
                    if rest.isEmpty { remaining.removeFirst() } else { remaining[0] = rest }
                }
                break
            }
            lines.append(current)
        }
        return lines
    }

    /// Whether `lines` lost part of `text` (so the full text belongs in a `<title>`).
    static func wasShortened(_ text: String, into lines: [String]) -> Bool {
        let shown = lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
        let full = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        return shown != full
    }
}
