import EarnedDomain
import Foundation

/// How a name written in a shop's export («Белова Т.Н.», «Татьяна Белова», «belova@shop.ru»)
/// finds the staff member it means.
///
/// A name matches a person when, after folding case and ё, either every word is the same (in
/// any order), or it is written as a surname with initials and the person has that surname
/// and given names starting with those letters, in order («Белова Т.Н.» is «Белова Татьяна
/// Николаевна» or «Татьяна Белова»). A name that fits more than one person matches nobody:
/// the importer asks instead of guessing.
public enum PersonNameMatch {
    /// The words of a name, folded: lower case, ё as е, without dots and commas.
    public static func words(_ name: String) -> [String] {
        ContactNormalizer.searchFold(name)
            .split(whereSeparator: { $0.isWhitespace || $0 == "." || $0 == "," })
            .map(String.init)
    }

    /// The key a name is grouped under in an import: its folded words joined by spaces.
    public static func key(_ name: String) -> String { words(name).joined(separator: " ") }

    /// Whether `written` (as in a file) may mean the person called `full`.
    public static func matches(_ written: String, _ full: String) -> Bool {
        let file = initialsForm(written)
        let person = words(full)
        guard !person.isEmpty else { return false }
        if file.initials.isEmpty {
            let all = words(written)
            return !all.isEmpty && all.sorted() == person.sorted()
        }
        // Surname and initials: the person has that surname; their other words start with the
        // initials in order (a missing patronymic on either side is no contradiction).
        guard let surname = file.surname, let at = person.firstIndex(of: surname) else { return false }
        var others = person
        others.remove(at: at)
        let letters = others.compactMap(\.first)
        let shared = min(letters.count, file.initials.count)
        return shared > 0 && Array(letters.prefix(shared)) == Array(file.initials.prefix(shared))
    }

    /// `written` read as «Фамилия И.О.» / «И.О. Фамилия»: the one word longer than a letter,
    /// and the single letters in order; no initials when every word is longer than a letter.
    static func initialsForm(_ written: String) -> (surname: String?, initials: [Character]) {
        // "Т.Н." has no space between the letters: split on the dots first.
        let parts = words(written)
        let singles = parts.filter { $0.count == 1 }.compactMap(\.first)
        let long = parts.filter { $0.count > 1 }
        guard !singles.isEmpty, long.count == 1 else { return (nil, []) }
        return (long[0], singles)
    }

    /// The one person of `people` that `written` means, or nil when none or several fit.
    public static func unique<T>(_ written: String, among people: [T], name: (T) -> String) -> T? {
        let fits = people.filter { matches(written, name($0)) }
        return fits.count == 1 ? fits[0] : nil
    }
}
