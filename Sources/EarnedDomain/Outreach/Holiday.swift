/// A holiday that comes back every year on the same day, with its names in Russian and English.
public struct Holiday: Hashable, Codable, Sendable, Identifiable {
    /// A stable slug such as "ru-new-year": lower-case Latin letters, digits and hyphens.
    public var id: String
    public var month: Int
    public var day: Int
    public var nameRu: String
    public var nameEn: String
    /// Whether customers are greeted on it.
    public var greets: Bool

    public init(id: String, month: Int, day: Int, nameRu: String, nameEn: String, greets: Bool = true) {
        self.id = id
        self.month = month
        self.day = day
        self.nameRu = nameRu
        self.nameEn = nameEn
        self.greets = greets
    }

    /// The name in "ru" or "en"; any other language gets the English name.
    public func name(in language: String) -> String { language == "ru" ? nameRu : nameEn }

    /// Whether the holiday falls on `date`'s month and day.
    public func falls(on date: LocalDate) -> Bool { month == date.month && day == date.day }
}
