/// Why a customer is greeted on a day.
public enum GreetingOccasion: Hashable, Codable, Sendable {
    case birthday
    /// A stored anniversary of the customer's (a wedding, a family date), with its label and,
    /// when the date was stored with its year, the years since.
    case anniversary(label: String?, years: Int?)
    /// Another stored date of the customer's — a name day, a company's founding day — with its
    /// label and, when stored with its year, the years since.
    case otherDate(label: String?, years: Int?)
    /// The anniversary of the customer's first order, `years` after it (1 or more).
    case purchaseAnniversary(years: Int)
    /// A holiday of the calendar, by `Holiday.id`.
    case holiday(id: String)

    /// The kinds of occasion templates are written for.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case birthday
        case anniversary
        case otherDate = "other_date"
        case purchaseAnniversary = "purchase_anniversary"
        case holiday
    }

    public var kind: Kind {
        switch self {
        case .birthday: .birthday
        case .anniversary: .anniversary
        case .otherDate: .otherDate
        case .purchaseAnniversary: .purchaseAnniversary
        case .holiday: .holiday
        }
    }

    /// A stable key without colons, for task keys: "birthday", "anniversary", "other_date",
    /// "purchase_anniversary-3", "holiday-ru-new-year". A customer's own date is keyed by its
    /// kind only — its label is free text and may change — which is enough with one greeting a
    /// customer a day.
    public var key: String {
        switch self {
        case .birthday, .anniversary, .otherDate: kind.rawValue
        case .purchaseAnniversary(let years): "purchase_anniversary-\(years)"
        case .holiday(let id): "holiday-\(id)"
        }
    }

    /// Which occasion wins when several fall on the same day (lower is stronger): the birthday;
    /// then the customer's own dates — an anniversary, then another date — because they are
    /// theirs alone and come once a year; then the anniversary of the first purchase, which is
    /// about the business; then holidays, which everyone shares.
    public var priority: Int {
        switch self {
        case .birthday: 0
        case .anniversary: 1
        case .otherDate: 2
        case .purchaseAnniversary: 3
        case .holiday: 4
        }
    }

    /// The label of a customer's own date, if any.
    public var label: String? {
        switch self {
        case .anniversary(let label, _), .otherDate(let label, _): label
        case .birthday, .purchaseAnniversary, .holiday: nil
        }
    }

    /// The years a purchase anniversary or a customer's own date (stored with its year) counts.
    public var years: Int? {
        switch self {
        case .purchaseAnniversary(let years): years
        case .anniversary(_, let years), .otherDate(_, let years): years
        case .birthday, .holiday: nil
        }
    }
}
