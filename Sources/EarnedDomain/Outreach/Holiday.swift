/// A holiday that comes back every year — on the same day, or a fixed number of days from Easter
/// Sunday — with its names in Russian and English.
public struct Holiday: Hashable, Codable, Sendable, Identifiable {
    /// A stable slug such as "ru-new-year": lower-case Latin letters, digits and hyphens.
    public var id: String
    /// The month and day of a fixed holiday (ignored when `easterOffset` is set).
    public var month: Int
    public var day: Int
    public var nameRu: String
    public var nameEn: String
    /// Whether customers are greeted on it.
    public var greets: Bool
    /// Days from Easter Sunday for a movable feast (−2 Good Friday, 1 Easter Monday); nil for a
    /// holiday on a fixed day.
    public var easterOffset: Int?
    /// The country whose holiday it is; nil for an owner's holiday kept in every country.
    public var country: Country?

    public init(
        id: String, month: Int, day: Int, nameRu: String, nameEn: String, greets: Bool = true,
        easterOffset: Int? = nil, country: Country? = nil
    ) {
        self.id = id
        self.month = month
        self.day = day
        self.nameRu = nameRu
        self.nameEn = nameEn
        self.greets = greets
        self.easterOffset = easterOffset
        self.country = country
    }

    /// The name in "ru" or "en"; any other language gets the English name.
    public func name(in language: String) -> String { language == "ru" ? nameRu : nameEn }

    /// The holiday's date in `year`.
    public func date(in year: Int) -> LocalDate {
        if let easterOffset { return Easter.date(in: year, offset: easterOffset) }
        return LocalDate(year: year, month: month, day: day)
    }

    /// Whether the holiday falls on `date`: a fixed holiday on its month and day (the year does
    /// not matter), a movable one on its date in `date`'s year (never on a date without a year).
    public func falls(on date: LocalDate) -> Bool {
        guard easterOffset != nil else { return month == date.month && day == date.day }
        guard let year = date.year else { return false }
        return self.date(in: year) == date
    }

    /// Whether the holiday is kept in `country`: its own country's, or the owner's for every
    /// country.
    public func isKept(in country: Country) -> Bool { self.country == nil || self.country == country }
}
