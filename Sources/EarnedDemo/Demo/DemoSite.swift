import EarnedDomain
import Foundation

/// One demo location together with the precomputed calendar the generator places orders in:
/// for every local day of the history (and a few weeks after `now`, for promises) its opening
/// periods, UTC offset, special-day kind, sale flag and demand.
struct DemoSite: Sendable {
    /// What differs between the demo locations.
    struct Spec: Sendable {
        var name: String
        var timeZone: String
        var hours: WeeklyHours
        var shifts: [Shift]
        var isRussian: Bool
        var currency: String
        /// The share of customers who call this location home.
        var customerShare: Double
    }

    struct Day: Sendable {
        var number: Int
        /// Epoch seconds of the local midnight, using the offset in force at local noon.
        var utcMidnight: Int
        var periods: [DayPeriod]
        var openMinutes: Int
        /// The end of the last period; 0 when closed.
        var closing: Int
        var special: SpecialDay.Kind?
        var isSale: Bool
    }

    var index: Int
    var spec: Spec
    var location: Location
    /// Days from `firstDay` through a few weeks after today; orders are placed on the first
    /// `orderDayCount` of them (the days before today).
    var days: [Day]
    var orderDayCount: Int
    /// Cumulative demand before each order day (`orderDayCount + 1` entries), normalised so the
    /// whole history sums to `orderDayCount`: one unit is one day of average demand.
    var regularCumulative: [Double]
    /// The same for discount hunters, whose demand is concentrated in sale weeks.
    var hunterCumulative: [Double]
    var morningShift: String
    var eveningShift: String

    static let futureDays = 60

    init(index: Int, spec: Spec, id: LocationID, now: Date, historyDays: Int) {
        guard let zone = TimeZone(identifier: spec.timeZone) else {
            preconditionFailure("unknown demo time zone \(spec.timeZone)")
        }
        self.index = index
        self.spec = spec
        morningShift = spec.shifts[0].name
        eveningShift = spec.shifts[1].name
        let today = DemoCalendar.localDay(of: now, in: zone)
        let firstDay = today - historyDays
        orderDayCount = historyDays

        let specialDays = Self.specialDays(spec: spec, from: firstDay, through: today)
        var specialByDay: [Int: SpecialDay] = [:]
        for special in specialDays { specialByDay[DemoCalendar.day(of: special.date)] = special }

        days = (firstDay..<(today + Self.futureDays)).map { number in
            let special = specialByDay[number]
            let periods = special?.periods ?? spec.hours.periods(isoWeekday: DemoCalendar.isoWeekday(number))
            return Day(
                number: number, utcMidnight: number * 86_400 - DemoCalendar.utcOffset(day: number, in: zone),
                periods: periods, openMinutes: periods.reduce(0) { $0 + $1.minutes }, closing: periods.last?.end ?? 0,
                special: special?.kind, isSale: DemoCalendar.isSaleDay(number))
        }

        var regular = [0.0]
        var hunter = [0.0]
        for day in days.prefix(historyDays) {
            var demand = 0.0
            if day.openMinutes > 0 {
                let (_, month, dayOfMonth) = DemoCalendar.civil(day.number)
                demand =
                    DemoCalendar.weekdayFactors[DemoCalendar.isoWeekday(day.number) - 1]
                    * DemoCalendar.seasonFactor(month: month, day: dayOfMonth)
                if day.isSale { demand *= 1.25 }
                if day.special == .inventory || day.special == .shortened { demand *= 0.6 }
            }
            regular.append(regular.last! + demand)
            hunter.append(hunter.last! + demand * (day.isSale ? 6 : 0.45))
        }
        let regularScale = Double(historyDays) / regular.last!
        let hunterScale = Double(historyDays) / hunter.last!
        regularCumulative = regular.map { $0 * regularScale }
        hunterCumulative = hunter.map { $0 * hunterScale }

        let createdAt = Date(timeIntervalSince1970: Double(days[0].utcMidnight - 45 * 86_400 + 9 * 3600))
        location = Location(
            id: id, name: spec.name, timeZone: spec.timeZone, country: spec.isRussian ? .ru : .de, hours: spec.hours,
            specialDays: specialDays,
            shifts: spec.shifts, createdAt: createdAt, updatedAt: createdAt)
    }

    /// Holidays for every year of the history and the next one, and quarterly inventory days
    /// for the years of the history, in date order.
    static func specialDays(spec: Spec, from firstDay: Int, through today: Int) -> [SpecialDay] {
        let firstYear = DemoCalendar.civil(firstDay).year
        let lastYear = DemoCalendar.civil(today).year
        var result: [SpecialDay] = []
        var taken: [Int: Bool] = [:]
        for year in firstYear...(lastYear + 1) {
            let holidays =
                spec.isRussian ? DemoCalendar.russianHolidays(year: year) : DemoCalendar.berlinHolidays(year: year)
            for holiday in holidays where taken[holiday.day] != true {
                let regular = spec.hours.periods(isoWeekday: DemoCalendar.isoWeekday(holiday.day))
                let periods: [DayPeriod]
                if let closesAt = holiday.closesAt {
                    periods = regular.compactMap { period in
                        period.start >= closesAt ? nil : DayPeriod(start: period.start, end: min(period.end, closesAt))
                    }
                } else {
                    periods = []
                }
                let kind: SpecialDay.Kind = holiday.closesAt == nil ? .holiday : .shortened
                result.append(
                    SpecialDay(
                        date: DemoCalendar.localDate(holiday.day), kind: kind, label: holiday.label, periods: periods))
                taken[holiday.day] = true
            }
        }
        let label = spec.isRussian ? "Инвентаризация" : "Inventory"
        for year in firstYear...lastYear {
            for candidate in DemoCalendar.inventoryCandidates(year: year) {
                var day = candidate
                while taken[day] == true || spec.hours.periods(isoWeekday: DemoCalendar.isoWeekday(day)).isEmpty {
                    day -= 7
                }
                // The shop opens three hours late while the stock is counted.
                let regular = spec.hours.periods(isoWeekday: DemoCalendar.isoWeekday(day))
                let opensAt = regular[0].start + 180
                let periods = regular.compactMap { period in
                    period.end <= opensAt ? nil : DayPeriod(start: max(period.start, opensAt), end: period.end)
                }
                result.append(
                    SpecialDay(date: DemoCalendar.localDate(day), kind: .inventory, label: label, periods: periods))
                taken[day] = true
            }
        }
        return result.sorted { $0.date < $1.date }
    }

    /// The order day whose demand contains the point `t` of cumulative demand.
    func orderDay(at t: Double, hunter: Bool) -> Int {
        let cumulative = hunter ? hunterCumulative : regularCumulative
        var low = 0
        var high = orderDayCount
        // Invariant: cumulative[low] <= t < cumulative[high].
        while high - low > 1 {
            let middle = (low + high) / 2
            if cumulative[middle] <= t { low = middle } else { high = middle }
        }
        return low
    }

    /// A local minute of an open day, weighted by the hour's footfall.
    func footfallMinute(day: Int, using random: inout SeededGenerator) -> Int {
        while true {
            let minute = openMinute(day: day, using: &random)
            if random.uniform() < DemoCalendar.hourWeight(minute / 60) { return minute }
        }
    }

    /// A local minute of an open day, uniform over its opening periods and rounded down to
    /// `granularity` minutes.
    func openMinute(day: Int, granularity: Int = 1, using random: inout SeededGenerator) -> Int {
        var offset = random.int(0..<days[day].openMinutes)
        for period in days[day].periods {
            if offset < period.minutes {
                let minute = period.start + offset
                return max(period.start, minute - minute % granularity)
            }
            offset -= period.minutes
        }
        preconditionFailure("a minute beyond the opening periods")
    }

    /// The `count`-th open day after `day`, if the calendar reaches that far.
    func openDay(after day: Int, count: Int) -> Int? {
        var remaining = count
        var index = day
        while remaining > 0 {
            index += 1
            guard index < days.count else { return nil }
            if days[index].openMinutes > 0 { remaining -= 1 }
        }
        return index
    }

    /// Whether a local minute falls inside an opening period of the day.
    func isOpen(day: Int, minute: Int) -> Bool {
        days[day].periods.contains { minute >= $0.start && minute < $0.end }
    }

    /// The instant of a local day, minute and second.
    func instant(day: Int, minute: Int, second: Int = 0) -> Date {
        Date(timeIntervalSince1970: Double(days[day].utcMidnight + minute * 60 + second))
    }

    /// The shift a local minute falls in, by the location's shift table.
    func shiftName(minute: Int) -> String? {
        location.shifts.first { $0.contains(minuteOfDay: minute) }?.name
    }
}
