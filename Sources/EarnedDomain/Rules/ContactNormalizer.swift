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

    /// "+" and digits. A Russian number written 8XXXXXXXXXX or XXXXXXXXXX becomes +7XXXXXXXXXX;
    /// nil when fewer than 5 or more than 15 digits, or when letters are present.
    public static func phone(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var digits = ""
        for scalar in trimmed.unicodeScalars {
            switch scalar {
            case "0"..."9": digits.unicodeScalars.append(scalar)
            case "+", " ", "-", "(", ")", ".", "\u{00A0}": continue
            default: return nil
            }
        }
        guard (5...15).contains(digits.count) else { return nil }
        if !trimmed.hasPrefix("+") {
            if digits.count == 11, digits.hasPrefix("8") { digits = "7" + digits.dropFirst() }
            if digits.count == 10, digits.hasPrefix("9") { digits = "7" + digits }
        }
        return "+" + digits
    }

    /// Text folded for search: lower case, "ё" as "е", runs of white space as one space.
    public static func searchFold(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "ё", with: "е")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
