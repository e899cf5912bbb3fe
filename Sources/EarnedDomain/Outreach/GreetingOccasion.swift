/// Why a customer is greeted on a day.
public enum GreetingOccasion: Hashable, Codable, Sendable {
    case birthday
    /// The anniversary of the customer's first order, `years` after it (1 or more).
    case purchaseAnniversary(years: Int)
    /// A holiday of the calendar, by `Holiday.id`.
    case holiday(id: String)

    /// The kinds of occasion templates are written for.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case birthday
        case purchaseAnniversary = "purchase_anniversary"
        case holiday
    }

    public var kind: Kind {
        switch self {
        case .birthday: .birthday
        case .purchaseAnniversary: .purchaseAnniversary
        case .holiday: .holiday
        }
    }

    /// A stable key without colons, for task keys: "birthday", "purchase_anniversary-3",
    /// "holiday-ru-new-year".
    public var key: String {
        switch self {
        case .birthday: "birthday"
        case .purchaseAnniversary(let years): "purchase_anniversary-\(years)"
        case .holiday(let id): "holiday-\(id)"
        }
    }

    /// Which occasion wins when several fall on the same day: birthday, then the purchase
    /// anniversary, then holidays (lower is stronger).
    public var priority: Int {
        switch self {
        case .birthday: 0
        case .purchaseAnniversary: 1
        case .holiday: 2
        }
    }
}
