import Foundation

/// When two live customer cards are proposed as one person, and why. A shop's own export often
/// holds second cards: another card number, the phone written differently, «ё» on one card and
/// «е» on the other. A pair is proposed when the two share
///
/// - a phone or an e-mail (both stored normalised, `ContactNormalizer`),
/// - an external id equal after folding (`externalKey`: case, spaces, dashes, leading zeros), or
/// - a name equal after folding (`nameKey`: case, «ё», punctuation) and one more thing, the
///   birthday or the city.
///
/// A value shared by more than `sharedLimit` cards (the shop's own phone typed into every card,
/// "no e-mail", a name like «Покупатель») says nothing about who is who and proposes nothing.
public enum DuplicateRule {
    public enum Reason: String, Codable, Sendable, CaseIterable {
        case phone
        case email
        case externalID = "external_id"
        case nameAndBirthday = "name_and_birthday"
        case nameAndCity = "name_and_city"
    }

    /// The most cards one value may be on and still propose pairs.
    public static let sharedLimit = 10

    /// The name folded for matching: lower case, «ё» as «е», punctuation dropped, words in their
    /// order with single spaces; nil when nothing is left.
    public static func nameKey(_ name: String) -> String? {
        words(name).map { $0.joined(separator: " ") }
    }

    /// The city folded like a name, without a leading «г.» or «город»; nil when empty.
    public static func cityKey(_ city: String?) -> String? {
        guard var parts = city.flatMap(words) else { return nil }
        if parts.count > 1, ["г", "город", "city"].contains(parts[0]) { parts.removeFirst() }
        return parts.joined(separator: " ")
    }

    /// The external id folded: trimmed, lower case, without spaces and dashes, without leading
    /// zeros ("00-123" and "123" are one card number); nil when empty.
    public static func externalKey(_ id: String?) -> String? {
        guard let id else { return nil }
        let kept = ContactNormalizer.searchFold(id).filter { !$0.isWhitespace && !Self.dashes.contains($0) }
        guard !kept.isEmpty else { return nil }
        let trimmed = kept.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    /// Whether two birthdays are one day: the same month and day, and the same year when both
    /// cards know it.
    public static func sameBirthday(_ a: LocalDate?, _ b: LocalDate?) -> Bool {
        guard let a, let b, a.month == b.month, a.day == b.day else { return false }
        guard let ya = a.year, let yb = b.year else { return true }
        return ya == yb
    }

    /// Why `a` and `b` look like one person, in a fixed order; empty when they do not, or when
    /// either is not live (merged cards are gone from lists; erased ones hold nothing to match).
    public static func reasons(_ a: Customer, _ b: Customer) -> [Reason] {
        guard a.id != b.id, a.erasedAt == nil, b.erasedAt == nil else { return [] }
        var reasons: [Reason] = []
        if !Set(a.phones).isDisjoint(with: b.phones) { reasons.append(.phone) }
        if !Set(a.emails).isDisjoint(with: b.emails) { reasons.append(.email) }
        if let key = externalKey(a.externalID), key == externalKey(b.externalID) { reasons.append(.externalID) }
        if let key = nameKey(a.name), key == nameKey(b.name) {
            if sameBirthday(a.birthday, b.birthday) { reasons.append(.nameAndBirthday) }
            if let city = cityKey(a.city), city == cityKey(b.city) { reasons.append(.nameAndCity) }
        }
        return reasons
    }

    static let dashes: Set<Character> = ["-", "‐", "‑", "‒", "–", "—", "_"]

    static func words(_ text: String) -> [String]? {
        let folded = ContactNormalizer.searchFold(text.precomposedStringWithCanonicalMapping)
        let cleaned = String(
            folded.unicodeScalars.map { scalar -> Character in
                CharacterSet.letters.contains(scalar) || CharacterSet.decimalDigits.contains(scalar)
                    ? Character(scalar) : " "
            })
        let parts = cleaned.split(separator: " ").map(String.init)
        return parts.isEmpty ? nil : parts
    }
}
