import Foundation

/// What a greeting template is filled with for one customer and occasion.
public struct GreetingContext: Hashable, Sendable {
    public var name: String
    public var kind: Customer.Kind
    /// The items summary of the customer's last order.
    public var lastPurchase: String?
    /// Years since the first order, for purchase anniversaries; since the customer's own date,
    /// when it was stored with its year.
    public var years: Int?
    public var holiday: Holiday?
    /// The label of the customer's own date ("годовщина свадьбы", "name day").
    public var label: String?
    /// The name of the customer's home location.
    public var locationName: String?

    public init(
        name: String, kind: Customer.Kind = .person, lastPurchase: String? = nil, years: Int? = nil,
        holiday: Holiday? = nil, label: String? = nil, locationName: String? = nil
    ) {
        self.label = label
        self.name = name
        self.kind = kind
        self.lastPurchase = lastPurchase
        self.years = years
        self.holiday = holiday
        self.locationName = locationName
    }

    /// How to address the customer: a company by its name; a person by the first word of the
    /// name — except when a Russian patronymic ("Сергеевна", "Ильич") follows a later word,
    /// in which case the word before it is the first name, so that "Иванова Анна Сергеевна"
    /// (surname first, as Russian records are often kept) is addressed as "Анна". The whole
    /// name when it has a single word.
    public var firstName: String {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard kind == .person else { return name }
        let words = name.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first else { return name }
        if let index = words.indices.dropFirst().first(where: { Self.isPatronymic(words[$0]) }) {
            return words[index - 1]
        }
        return first
    }

    static let patronymicEndings = ["ич", "вна", "ична", "vich", "vna", "ichna"]

    static func isPatronymic(_ word: String) -> Bool {
        let lower = word.lowercased()
        return lower.count > 4 && patronymicEndings.contains { lower.hasSuffix($0) }
    }
}
