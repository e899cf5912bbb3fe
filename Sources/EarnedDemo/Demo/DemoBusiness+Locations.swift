import EarnedDomain

extension DemoBusiness {
    private static func hm(_ hours: Int, _ minutes: Int = 0) -> Int { hours * 60 + minutes }

    /// The three demo shops: Moscow open longer at weekends, Yekaterinburg with a lunch break,
    /// Berlin closed on Sundays.
    static let siteSpecs: [DemoSite.Spec] = [
        DemoSite.Spec(
            name: "Москва, Тверская", timeZone: "Europe/Moscow",
            hours: WeeklyHours(
                days: (1...7).map { weekday in
                    weekday <= 5 ? [DayPeriod(start: hm(10), end: hm(20))] : [DayPeriod(start: hm(10), end: hm(22))]
                }),
            shifts: [
                Shift(name: "утренняя", start: hm(10), end: hm(16)),
                Shift(name: "вечерняя", start: hm(16), end: hm(22)),
            ],
            isRussian: true, currency: "RUB", customerShare: 0.45),
        DemoSite.Spec(
            name: "Екатеринбург, Малышева", timeZone: "Asia/Yekaterinburg",
            hours: WeeklyHours(
                days: (1...7).map { weekday in
                    weekday <= 6
                        ? [DayPeriod(start: hm(9), end: hm(13)), DayPeriod(start: hm(14), end: hm(20))]
                        : [DayPeriod(start: hm(10), end: hm(13)), DayPeriod(start: hm(14), end: hm(18))]
                }),
            shifts: [
                Shift(name: "утренняя", start: hm(9), end: hm(14)), Shift(name: "вечерняя", start: hm(14), end: hm(20)),
            ],
            isRussian: true, currency: "RUB", customerShare: 0.30),
        DemoSite.Spec(
            name: "Berlin, Kastanienallee", timeZone: "Europe/Berlin",
            hours: WeeklyHours(
                days: (1...7).map { weekday in
                    switch weekday {
                    case 1...5: [DayPeriod(start: hm(10), end: hm(19))]
                    case 6: [DayPeriod(start: hm(10), end: hm(18))]
                    default: []
                    }
                }),
            shifts: [
                Shift(name: "morning", start: hm(10), end: hm(14, 30)),
                Shift(name: "evening", start: hm(14, 30), end: hm(19)),
            ],
            isRussian: false, currency: "EUR", customerShare: 0.25),
    ]
}
