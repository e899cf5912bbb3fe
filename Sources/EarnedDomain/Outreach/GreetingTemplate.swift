import Foundation

/// The words of a greeting for one kind of occasion in one language, with fields in braces that
/// are filled per customer: `{first_name}`, `{name}`, `{last_purchase}` (the items of the last
/// order), `{years}` (purchase anniversaries, and the customer's own dates stored with a year;
/// with its noun: "3 года", "3 years"),
/// `{holiday}` (holiday greetings only), `{label}` (the label of the customer's own date, in
/// anniversary and other-date greetings only) and `{location}`.
public struct GreetingTemplate: Hashable, Codable, Sendable {
    public var occasion: GreetingOccasion.Kind
    /// "ru" or "en".
    public var language: String
    public var text: String

    /// An unchecked template; use `GreetingTemplateDraft` for input from people.
    public init(occasion: GreetingOccasion.Kind, language: String, text: String) {
        self.occasion = occasion
        self.language = language
        self.text = text
    }

    public enum Field: String, Sendable, CaseIterable {
        case firstName = "first_name"
        case name
        case lastPurchase = "last_purchase"
        case years
        case holiday
        case label
        case location

        /// The only kinds of occasion the field has a value for, if it is limited.
        public var onlyFor: [GreetingOccasion.Kind]? {
            switch self {
            case .years: [.purchaseAnniversary, .anniversary, .otherDate]
            case .holiday: [.holiday]
            case .label: [.anniversary, .otherDate]
            case .firstName, .name, .lastPurchase, .location: nil
            }
        }
    }

    public static let languages = ["ru", "en"]
    public static let textLimit = 1000

    /// The text with every field filled. A value the context lacks gets a neutral stand-in, so a
    /// greeting never shows a gap: `{first_name}` falls back to the whole name, a missing name to
    /// "дорогой клиент" / "dear customer", a missing last purchase to "ваша покупка" /
    /// "your purchase", and so on.
    public func render(_ context: GreetingContext) -> String {
        let ru = language == "ru"
        var output = ""
        for piece in Self.parse(text).pieces {
            switch piece {
            case .text(let literal): output += literal
            case .field(let field): output += value(field, context, ru: ru)
            }
        }
        return output
    }

    private func value(_ field: Field, _ context: GreetingContext, ru: Bool) -> String {
        func present(_ text: String?) -> String? {
            guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
            return text
        }
        let name = present(context.name)
        switch field {
        case .firstName:
            return present(context.firstName) ?? name ?? (ru ? "дорогой клиент" : "dear customer")
        case .name:
            return name ?? (ru ? "дорогой клиент" : "dear customer")
        case .lastPurchase:
            return present(context.lastPurchase) ?? (ru ? "ваша покупка" : "your purchase")
        case .years:
            guard let years = context.years else { return ru ? "не первый год" : "years" }
            return ru ? RussianPlural.years(years) : (years == 1 ? "1 year" : "\(years) years")
        case .holiday:
            return context.holiday.map { $0.name(in: language) } ?? (ru ? "праздник" : "the holiday")
        case .label:
            return present(context.label) ?? (ru ? "особенный день" : "a special day")
        case .location:
            return present(context.locationName) ?? (ru ? "наш магазин" : "our shop")
        }
    }
}

/// What an owner enters to create or change a greeting template. Fields left nil keep the
/// current value.
public struct GreetingTemplateDraft: Hashable, Codable, Sendable {
    public var occasion: GreetingOccasion.Kind?
    public var language: String?
    public var text: String?

    public init(occasion: GreetingOccasion.Kind? = nil, language: String? = nil, text: String? = nil) {
        self.occasion = occasion
        self.language = language
        self.text = text
    }

    /// Checks the template and returns it, reporting every problem: a missing occasion, a
    /// language other than ru/en, an empty or too long text, every unknown field name, every
    /// unmatched brace, and fields the occasion has no value for (`{years}` outside purchase
    /// anniversaries, `{holiday}` outside holidays, `{label}` outside the customer's own dates).
    public func validated(existing: GreetingTemplate? = nil) throws(DomainError) -> GreetingTemplate {
        var v = Validator()
        let occasion = occasion ?? existing?.occasion
        if occasion == nil { v.add("occasion", .required) }
        let language = language ?? existing?.language
        if let language {
            if !GreetingTemplate.languages.contains(language) {
                v.add("language", .invalidChoice, detail: GreetingTemplate.languages.joined(separator: ", "))
            }
        } else {
            v.add("language", .required)
        }
        let text = v.text("text", text ?? existing?.text, required: true, max: GreetingTemplate.textLimit)
        if let text {
            for problem in GreetingTemplate.problems(in: text, occasion: occasion) { v.add(problem) }
        }
        try v.check()
        return GreetingTemplate(occasion: occasion!, language: language!, text: text!)
    }
}
