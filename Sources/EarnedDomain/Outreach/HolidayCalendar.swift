/// The holidays the business greets on, per country: the public holidays of Russia and
/// Germany built in, minus those the owner switched off, plus the owner's own (each for one
/// country, or for every country when it names none). A location greets on its country's.
public struct HolidayCalendar: Hashable, Codable, Sendable {
    /// The owner's own holidays, after the built-in ones.
    public var custom: [Holiday]
    /// Ids of built-in holidays that are switched off (ids are unique across countries).
    public var disabledIDs: Set<String>

    /// Every built-in holiday, Russia's then Germany's.
    public static let builtIn: [Holiday] = Country.allCases.flatMap { builtIn(for: $0) }

    /// The built-in public holidays of a country.
    public static func builtIn(for country: Country) -> [Holiday] {
        switch country {
        case .ru: russian
        case .de: german
        }
    }

    /// Every built-in holiday switched on, and nothing else.
    public static let standard = HolidayCalendar()

    /// An unchecked calendar; use `HolidayCalendarDraft` for input from people.
    public init(custom: [Holiday] = [], disabledIDs: Set<String> = []) {
        self.custom = custom
        self.disabledIDs = disabledIDs
    }

    /// Every holiday in force in `country`: its built-in ones not switched off, then the owner's
    /// own for it or for every country.
    public func holidays(in country: Country) -> [Holiday] {
        Self.builtIn(for: country).filter { !disabledIDs.contains($0.id) } + custom.filter { $0.isKept(in: country) }
    }

    /// The holidays in force in `country` on a date: fixed ones by month and day, movable ones
    /// (which need the year) by their date that year.
    public func holidays(on date: LocalDate, in country: Country) -> [Holiday] {
        holidays(in: country).filter { $0.falls(on: date) }
    }

    /// The holiday in force with this id, in any country, if any.
    public func holiday(id: String) -> Holiday? {
        Country.allCases.lazy.compactMap { country in holidays(in: country).first { $0.id == id } }.first
    }
}

/// What an owner enters to change the holiday calendar. Fields left nil keep the current value.
public struct HolidayCalendarDraft: Hashable, Codable, Sendable {
    public var custom: [Holiday]?
    public var disabledIDs: [String]?

    public init(custom: [Holiday]? = nil, disabledIDs: [String]? = nil) {
        self.custom = custom
        self.disabledIDs = disabledIDs
    }

    public static let nameLimit = 100
    public static let idLimit = 60
    public static let customLimit = 100

    /// Checks the owner's holidays (id, a date that exists every year, both names, no id used
    /// twice or by a built-in holiday) and that every switched-off id is a built-in holiday's
    /// (of any country). The owner's holidays are on fixed days: a movable date is dropped.
    public func validated(existing: HolidayCalendar = .standard) throws(DomainError) -> HolidayCalendar {
        var v = Validator()
        let custom = custom ?? existing.custom
        if custom.count > Self.customLimit {
            v.add("custom", .outOfRange, detail: "at most \(Self.customLimit) holidays")
        }
        var seen = Set(HolidayCalendar.builtIn.map(\.id))
        var checked: [Holiday] = []
        for (index, holiday) in custom.enumerated() {
            let field = "custom.\(index)"
            let id = v.text("\(field).id", holiday.id, required: true, max: Self.idLimit)
            if let id {
                if !Self.isSlug(id) {
                    v.add("\(field).id", .invalidFormat, detail: "lower-case Latin letters, digits and hyphens")
                } else if seen.contains(id) {
                    v.add("\(field).id", .duplicate, detail: "another holiday")
                }
                seen.insert(id)
            }
            // 29 February is refused: a yearly holiday needs a day every year.
            let date = LocalDate(year: 2025, month: holiday.month, day: holiday.day)
            if !(1...12).contains(holiday.month) {
                v.add("\(field).month", .outOfRange, detail: "1 to 12")
            } else if !date.isValid {
                v.add("\(field).day", .outOfRange, detail: "a day that exists in every year")
            }
            let nameRu = v.text("\(field).name_ru", holiday.nameRu, required: true, max: Self.nameLimit)
            let nameEn = v.text("\(field).name_en", holiday.nameEn, required: true, max: Self.nameLimit)
            checked.append(
                Holiday(
                    id: id ?? "", month: holiday.month, day: holiday.day, nameRu: nameRu ?? "",
                    nameEn: nameEn ?? "", greets: holiday.greets, country: holiday.country))
        }
        let builtInIDs = Set(HolidayCalendar.builtIn.map(\.id))
        let disabled = disabledIDs.map(Set.init) ?? existing.disabledIDs
        for (index, id) in (disabledIDs ?? existing.disabledIDs.sorted()).enumerated() where !builtInIDs.contains(id) {
            v.add("disabled_ids.\(index)", .unknownReference)
        }
        try v.check()
        return HolidayCalendar(custom: checked, disabledIDs: disabled)
    }

    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix("-") && !text.hasSuffix("-")
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
