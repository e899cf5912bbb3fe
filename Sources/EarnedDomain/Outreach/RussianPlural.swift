/// Russian plural forms of a noun after a number (CLDR plural rules for "ru", integer case):
/// "one" for 1, 21, 101…; "few" for 2–4, 22–24…; "many" for 0, 5–20, 25–30, 111…
public enum RussianPlural {
    public enum Category: String, Sendable, CaseIterable {
        case one
        case few
        case many
    }

    public static func category(_ count: Int) -> Category {
        let n = count.magnitude
        let lastTwo = n % 100
        let last = n % 10
        if last == 1 && lastTwo != 11 { return .one }
        if (2...4).contains(last) && !(12...14).contains(lastTwo) { return .few }
        return .many
    }

    /// The word that goes after `count`: `form(21, one: "год", few: "года", many: "лет")` is
    /// "год". (The signature of the copy in EarnedWeb's Localization, which this can replace.)
    public static func form(_ count: Int, one: String, few: String, many: String) -> String {
        switch category(count) {
        case .one: one
        case .few: few
        case .many: many
        }
    }

    /// "1 год", "2 года", "5 лет", "11 лет", "21 год".
    public static func years(_ count: Int) -> String {
        "\(count) \(form(count, one: "год", few: "года", many: "лет"))"
    }
}
