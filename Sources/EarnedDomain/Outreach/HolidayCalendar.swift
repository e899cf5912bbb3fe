/// The holidays the business greets on: the Russian public holidays built in (Labour Code of the
/// Russian Federation, art. 112), minus those the owner switched off, plus the owner's own.
public struct HolidayCalendar: Hashable, Codable, Sendable {
    /// The owner's own holidays, after the built-in ones.
    public var custom: [Holiday]
    /// Ids of built-in holidays that are switched off.
    public var disabledIDs: Set<String>

    /// The built-in Russian public holidays.
    public static let builtIn: [Holiday] = [
        Holiday(id: "ru-new-year", month: 1, day: 1, nameRu: "Новый год", nameEn: "New Year"),
        Holiday(
            id: "ru-orthodox-christmas", month: 1, day: 7, nameRu: "Рождество Христово",
            nameEn: "Orthodox Christmas"),
        Holiday(
            id: "ru-defender-day", month: 2, day: 23, nameRu: "День защитника Отечества",
            nameEn: "Defender of the Fatherland Day"),
        Holiday(
            id: "ru-womens-day", month: 3, day: 8, nameRu: "Международный женский день",
            nameEn: "International Women's Day"),
        Holiday(
            id: "ru-spring-labour-day", month: 5, day: 1, nameRu: "Праздник Весны и Труда",
            nameEn: "Spring and Labour Day"),
        Holiday(id: "ru-victory-day", month: 5, day: 9, nameRu: "День Победы", nameEn: "Victory Day"),
        Holiday(id: "ru-russia-day", month: 6, day: 12, nameRu: "День России", nameEn: "Russia Day"),
        Holiday(id: "ru-unity-day", month: 11, day: 4, nameRu: "День народного единства", nameEn: "Unity Day"),
    ]

    /// The built-in holidays, all switched on, and nothing else.
    public static let russian = HolidayCalendar()

    /// An unchecked calendar; use `HolidayCalendarDraft` for input from people.
    public init(custom: [Holiday] = [], disabledIDs: Set<String> = []) {
        self.custom = custom
        self.disabledIDs = disabledIDs
    }

    /// Every holiday in force: the built-in ones not switched off, then the owner's own.
    public var holidays: [Holiday] {
        Self.builtIn.filter { !disabledIDs.contains($0.id) } + custom
    }

    /// The holidays in force on a date's month and day (the year does not matter).
    public func holidays(on date: LocalDate) -> [Holiday] { holidays.filter { $0.falls(on: date) } }

    /// The holiday in force with this id, if any.
    public func holiday(id: String) -> Holiday? { holidays.first { $0.id == id } }
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
    /// twice or by a built-in holiday) and that every switched-off id is a built-in holiday's.
    public func validated(existing: HolidayCalendar = .russian) throws(DomainError) -> HolidayCalendar {
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
                    nameEn: nameEn ?? "", greets: holiday.greets))
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
