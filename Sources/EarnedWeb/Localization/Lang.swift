import Foundation

/// The two languages of every page.
enum Lang: String, Sendable, CaseIterable {
    case ru
    case en

    /// The first supported language of an Accept-Language header ("ru-RU,ru;q=0.9,en;q=0.8").
    static func from(acceptLanguage header: String?, fallback: Lang) -> Lang {
        guard let header else { return fallback }
        let ranked = header.split(separator: ",").compactMap { part -> (String, Double)? in
            let pieces = part.split(separator: ";")
            guard let tag = pieces.first?.trimmingCharacters(in: .whitespaces).lowercased() else { return nil }
            var q = 1.0
            for piece in pieces.dropFirst() {
                let kv = piece.trimmingCharacters(in: .whitespaces)
                if kv.hasPrefix("q="), let value = Double(kv.dropFirst(2)) { q = value }
            }
            return (tag, q)
        }
        for (tag, _) in ranked.sorted(by: { $0.1 > $1.1 }) {
            if let lang = Lang(rawValue: String(tag.prefix(2))) { return lang }
        }
        return fallback
    }

    var locale: Locale { Locale(identifier: self == .ru ? "ru_RU" : "en_GB") }
}
