/// Easter Sunday in the Gregorian calendar, which Germany's movable public holidays (Good Friday,
/// Easter Monday, Ascension, Whit Monday) count from.
public enum Easter {
    /// The date of (Western) Easter Sunday in `year`, by the "Anonymous Gregorian algorithm"
    /// (Meeus/Jones/Butcher; J. Meeus, *Astronomical Algorithms*, 1991, ch. 8), valid for every
    /// Gregorian year: 2024-03-31, 2025-04-20, 2026-04-05.
    public static func sunday(in year: Int) -> LocalDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(year: year, month: month, day: day)
    }

    /// The date `offset` days after Easter Sunday in `year` (before it when negative).
    public static func date(in year: Int, offset: Int) -> LocalDate {
        let sunday = sunday(in: year)
        let day = CivilDays.dayNumber(year: year, month: sunday.month, day: sunday.day) + offset
        let civil = CivilDays.civil(day)
        return LocalDate(year: civil.year, month: civil.month, day: civil.day)
    }
}
