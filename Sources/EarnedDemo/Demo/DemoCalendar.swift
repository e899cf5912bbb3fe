import EarnedDomain
import Foundation

/// Calendar arithmetic for the demo generator without `Calendar`: civil dates as day numbers
/// (days since 1970-01-01), public holidays, sale periods and seasonality. Pure and fast, so it
/// can run for every generated order.
enum DemoCalendar {
    static func day(year: Int, month: Int, day: Int) -> Int {
        CivilDays.dayNumber(year: year, month: month, day: day)
    }

    static func civil(_ dayNumber: Int) -> (year: Int, month: Int, day: Int) { CivilDays.civil(dayNumber) }

    static func localDate(_ dayNumber: Int) -> LocalDate {
        let (year, month, day) = civil(dayNumber)
        return LocalDate(year: year, month: month, day: day)
    }

    static func day(of date: LocalDate) -> Int { day(year: date.year ?? 1970, month: date.month, day: date.day) }

    /// ISO weekday, 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    static func isoWeekday(_ dayNumber: Int) -> Int { CivilDays.isoWeekday(dayNumber) }

    /// The local day number of `instant` in `timeZone`.
    static func localDay(of instant: Date, in timeZone: TimeZone) -> Int {
        let local = Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
        return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    }

    /// Seconds to subtract from local wall-clock time to get UTC on a local day, taken at local
    /// noon: opening hours lie far from the small-hours moments when daylight-saving time changes.
    static func utcOffset(day dayNumber: Int, in timeZone: TimeZone) -> Int {
        let localNoon = Double(dayNumber * 86_400 + 43_200)
        let guess = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: localNoon))
        return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: localNoon - Double(guess)))
    }

    /// Easter Sunday of a Gregorian year, as the domain computes it for holidays (`Easter`).
    static func easter(year: Int) -> Int {
        let sunday = Easter.sunday(in: year)
        return day(year: year, month: sunday.month, day: sunday.day)
    }

    /// A day the business closes or shortens, before it is turned into a `SpecialDay` with the
    /// location's own periods.
    struct Holiday {
        var day: Int
        var label: String
        /// Nil: closed all day; otherwise the regular periods cut at this local minute.
        var closesAt: Int?
    }

    /// Russian public holidays (Labour Code, art. 112) kept by the demo shops, and the short
    /// New Year's Eve.
    static func russianHolidays(year: Int) -> [Holiday] {
        var result = (1...8).map { Holiday(day: day(year: year, month: 1, day: $0), label: "Новогодние каникулы") }
        result += [
            Holiday(day: day(year: year, month: 2, day: 23), label: "День защитника Отечества"),
            Holiday(day: day(year: year, month: 3, day: 8), label: "Международный женский день"),
            Holiday(day: day(year: year, month: 5, day: 1), label: "Праздник Весны и Труда"),
            Holiday(day: day(year: year, month: 5, day: 9), label: "День Победы"),
            Holiday(day: day(year: year, month: 6, day: 12), label: "День России"),
            Holiday(day: day(year: year, month: 11, day: 4), label: "День народного единства"),
            Holiday(day: day(year: year, month: 12, day: 31), label: "Предновогодний день", closesAt: 17 * 60),
        ]
        return result
    }

    /// Public holidays in Berlin (federal ones plus International Women's Day, a Berlin holiday
    /// since 2019) and the short Christmas and New Year's Eves.
    static func berlinHolidays(year: Int) -> [Holiday] {
        let easter = easter(year: year)
        return [
            Holiday(day: day(year: year, month: 1, day: 1), label: "New Year's Day (Neujahr)"),
            Holiday(day: day(year: year, month: 3, day: 8), label: "International Women's Day (Frauentag)"),
            Holiday(day: easter - 2, label: "Good Friday (Karfreitag)"),
            Holiday(day: easter + 1, label: "Easter Monday (Ostermontag)"),
            Holiday(day: day(year: year, month: 5, day: 1), label: "Labour Day (Tag der Arbeit)"),
            Holiday(day: easter + 39, label: "Ascension Day (Christi Himmelfahrt)"),
            Holiday(day: easter + 50, label: "Whit Monday (Pfingstmontag)"),
            Holiday(day: day(year: year, month: 10, day: 3), label: "German Unity Day (Tag der Deutschen Einheit)"),
            Holiday(day: day(year: year, month: 12, day: 24), label: "Christmas Eve (Heiligabend)", closesAt: 14 * 60),
            Holiday(day: day(year: year, month: 12, day: 25), label: "Christmas Day (1. Weihnachtstag)"),
            Holiday(day: day(year: year, month: 12, day: 26), label: "Second Day of Christmas (2. Weihnachtstag)"),
            Holiday(day: day(year: year, month: 12, day: 31), label: "New Year's Eve (Silvester)", closesAt: 14 * 60),
        ]
    }

    /// The last Tuesday of each quarter's last month: the demo shops count their stock then.
    static func inventoryCandidates(year: Int) -> [Int] {
        [3, 6, 9, 12].map { month in
            let lastDay =
                month == 12 ? day(year: year + 1, month: 1, day: 1) - 1 : day(year: year, month: month + 1, day: 1) - 1
            let weekday = isoWeekday(lastDay)
            return lastDay - ((weekday - 2 + 7) % 7)
        }
    }

    /// Whether the shops run a sale that day: the winter sale (9–21 January), the spring sale
    /// (1–8 March), the summer sale (1–14 July), the shop's birthday week (10–16 September) and
    /// Black Friday week (the Monday before Black Friday to Cyber Monday).
    static func isSaleDay(_ dayNumber: Int) -> Bool {
        let (year, month, day) = civil(dayNumber)
        switch month {
        case 1: return (9...21).contains(day)
        case 3: return (1...8).contains(day)
        case 7: return (1...14).contains(day)
        case 9: return (10...16).contains(day)
        case 11, 12:
            let novemberFirst = self.day(year: year, month: 11, day: 1)
            let firstThursday = novemberFirst + (4 - isoWeekday(novemberFirst) + 7) % 7
            let blackFriday = firstThursday + 21 + 1
            return (blackFriday - 4...blackFriday + 3).contains(dayNumber)
        default: return false
        }
    }

    /// The yearly demand curve: a December peak that grows towards New Year, a summer dip.
    static func seasonFactor(month: Int, day: Int) -> Double {
        let months: [Double] = [0.85, 0.9, 1.0, 0.95, 0.95, 0.85, 0.72, 0.78, 1.0, 1.05, 1.15, 1.0]
        if month == 12 { return 1.0 + 0.9 * Double(day) / 31 }
        return months[month - 1]
    }

    /// The weekly demand curve, Monday first: quiet early week, busy Friday and Saturday.
    static let weekdayFactors: [Double] = [0.8, 0.85, 0.9, 0.95, 1.15, 1.45, 1.2]

    /// Relative footfall by local hour, used to place orders within the opening periods.
    static func hourWeight(_ hour: Int) -> Double {
        switch hour {
        case ..<11: 0.6
        case 11..<12: 0.8
        case 12..<14: 1.0
        case 14..<17: 0.75
        case 17..<20: 1.0
        default: 0.7
        }
    }
}
