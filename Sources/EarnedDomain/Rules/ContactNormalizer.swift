import Foundation

/// Normal forms of contact details, so the same phone or e-mail written two ways is found and
/// merged as one.
public enum ContactNormalizer {
    /// Lower-cased, trimmed e-mail with one "@", a dot in the domain and no spaces; nil otherwise.
    public static func email(_ text: String) -> String? {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !value.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" })
        else { return nil }
        return value
    }

    /// A phone number in E.164 form (`+` and digits), or nil when the rules cannot read it.
    ///
    /// Spaces (also no-break ones), `-`, dashes, `.` and brackets are dropped; any other
    /// character (letters, "доб.", a second `+`) makes it unreadable. Then, by the Russian
    /// numbering plan (Российская система и план нумерации, Mininformsvyaz order No. 142 of 2006:
    /// ten-digit national numbers whose codes start with 3, 4, 8 or 9; trunk prefix 8; country
    /// code 7):
    /// - `+7 …` must have exactly 10 digits after the 7: `+7 (916) 123-45-67` → `+79161234567`;
    /// - another `+` country code keeps its digits when there are 7 to 15 of them (E.164):
    ///   `+49 151 5654 0342` → `+4915156540342`; `00` in front counts as `+`;
    /// - 11 digits starting with 8 or 7: `8-916-1234567` → `+79161234567`;
    /// - 10 digits starting with 3, 4, 8 or 9 (area or mobile code without the trunk prefix):
    ///   `(812) 939-08-40` → `+78129390840`, `9161234567` → `+79161234567`;
    /// - anything else (too few or too many digits, a local number without its code) → nil.
    public static func phone(_ text: String) -> String? {
        var digits = ""
        var international = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9":
                digits.unicodeScalars.append(scalar)
            case "+":
                guard digits.isEmpty, !international else { return nil }
                international = true
            case " ", "\t", "-", "(", ")", ".", "\u{00A0}", "\u{202F}", "\u{2009}", "\u{2010}"..."\u{2013}":
                continue
            default:
                return nil
            }
        }
        if !international, digits.hasPrefix("00") {
            international = true
            digits.removeFirst(2)
        }
        if international {
            if digits.hasPrefix("7") { return digits.count == 11 ? "+" + digits : nil }
            return (7...15).contains(digits.count) && !digits.hasPrefix("0") ? "+" + digits : nil
        }
        switch (digits.count, digits.first) {
        case (11, "8"), (11, "7"): return "+7" + digits.dropFirst()
        case (10, "3"), (10, "4"), (10, "8"), (10, "9"): return "+7" + digits
        default: return nil
        }
    }

    /// Text folded for search: lower case, "ё" as "е", runs of white space as one space.
    public static func searchFold(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "ё", with: "е")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A person's or company's name as a key for finding duplicates: composed (NFC), lower case,
    /// "ё" as "е", punctuation, symbols and leftover combining marks (a stress accent) dropped, a
    /// dash, slash or underscore between words read as a space, runs of white space as one space.
    /// «Семёнова  Анна» and «семенова анна.» share a key; «Анна-Мария» and «Анна Мария» too.
    public static func nameKey(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic && properties.generalCategory != .nonspacingMark
                || properties.numericType != nil
            {
                if pendingSpace && !scalars.isEmpty { scalars.append(" ") }
                pendingSpace = false
                scalars.append(scalar == "ё" ? "е" : scalar)
            } else if properties.isWhitespace || properties.generalCategory == .dashPunctuation || scalar == "/"
                || scalar == "_"
            {
                pendingSpace = true
            }
        }
        return String(scalars)
    }
}
