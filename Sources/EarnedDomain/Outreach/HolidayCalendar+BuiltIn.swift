extension HolidayCalendar {
    /// The Russian public holidays (Labour Code of the Russian Federation, art. 112).
    public static let russian: [Holiday] = [
        Holiday(id: "ru-new-year", month: 1, day: 1, nameRu: "Новый год", nameEn: "New Year", country: .ru),
        Holiday(
            id: "ru-orthodox-christmas", month: 1, day: 7, nameRu: "Рождество Христово",
            nameEn: "Orthodox Christmas", country: .ru),
        Holiday(
            id: "ru-defender-day", month: 2, day: 23, nameRu: "День защитника Отечества",
            nameEn: "Defender of the Fatherland Day", country: .ru),
        Holiday(
            id: "ru-womens-day", month: 3, day: 8, nameRu: "Международный женский день",
            nameEn: "International Women's Day", country: .ru),
        Holiday(
            id: "ru-spring-labour-day", month: 5, day: 1, nameRu: "Праздник Весны и Труда",
            nameEn: "Spring and Labour Day", country: .ru),
        Holiday(id: "ru-victory-day", month: 5, day: 9, nameRu: "День Победы", nameEn: "Victory Day", country: .ru),
        Holiday(id: "ru-russia-day", month: 6, day: 12, nameRu: "День России", nameEn: "Russia Day", country: .ru),
        Holiday(
            id: "ru-unity-day", month: 11, day: 4, nameRu: "День народного единства", nameEn: "Unity Day",
            country: .ru),
    ]

    /// The public holidays kept in every German state (the nationwide Feiertage; the states'
    /// own, such as Epiphany or Corpus Christi, are left to the owner). Movable feasts count
    /// from Easter Sunday (`Easter`); their month and day are 0. Good Friday is a quiet day of
    /// mourning and the second day of Christmas follows the first: both are not greeted.
    public static let german: [Holiday] = [
        // Neujahr
        Holiday(id: "de-new-year", month: 1, day: 1, nameRu: "Новый год", nameEn: "New Year's Day", country: .de),
        // Karfreitag
        Holiday(
            id: "de-good-friday", month: 0, day: 0, nameRu: "Страстная пятница", nameEn: "Good Friday", greets: false,
            easterOffset: -2, country: .de),
        // Ostermontag
        Holiday(
            id: "de-easter-monday", month: 0, day: 0, nameRu: "Пасхальный понедельник", nameEn: "Easter Monday",
            easterOffset: 1, country: .de),
        // Tag der Arbeit
        Holiday(id: "de-labour-day", month: 5, day: 1, nameRu: "День труда", nameEn: "Labour Day", country: .de),
        // Christi Himmelfahrt
        Holiday(
            id: "de-ascension", month: 0, day: 0, nameRu: "Вознесение Господне", nameEn: "Ascension Day",
            easterOffset: 39, country: .de),
        // Pfingstmontag
        Holiday(
            id: "de-whit-monday", month: 0, day: 0, nameRu: "Духов день", nameEn: "Whit Monday", easterOffset: 50,
            country: .de),
        // Tag der Deutschen Einheit
        Holiday(
            id: "de-unity-day", month: 10, day: 3, nameRu: "День германского единства", nameEn: "German Unity Day",
            country: .de),
        // 1. Weihnachtstag
        Holiday(id: "de-christmas", month: 12, day: 25, nameRu: "Рождество", nameEn: "Christmas Day", country: .de),
        // 2. Weihnachtstag
        Holiday(
            id: "de-second-christmas-day", month: 12, day: 26, nameRu: "Второй день Рождества",
            nameEn: "Second Day of Christmas", greets: false, country: .de),
    ]
}
