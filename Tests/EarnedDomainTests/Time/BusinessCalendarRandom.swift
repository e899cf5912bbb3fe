import Foundation

@testable import EarnedDomain

/// SplitMix64 (Steele, Lea & Flood, 2014): a tiny seeded generator, so every property test
/// replays the same calendars and instants.
struct BusinessCalendarRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Zones with and without daylight-saving time, half-hour offsets and a 30-minute DST shift.
    static let zones = [
        "Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata", "Australia/Lord_Howe",
        "America/Santiago", "Pacific/Auckland", "Europe/Moscow", "America/Havana",
    ]

    /// 2025-06-01T00:00:00Z and two years on: the span random instants are drawn from.
    static let windowStart = Date(timeIntervalSince1970: 1_748_736_000)
    static let windowLength: TimeInterval = 2 * 365 * 86_400

    /// 0–3 ordered, non-overlapping periods on a 15-minute grid, sometimes reaching 00:00 or 24:00.
    mutating func day() -> [DayPeriod] {
        let count = Int.random(in: 0...3, using: &self)
        guard count > 0 else { return [] }
        var cuts = Set<Int>()
        while cuts.count < count * 2 {
            let roll = Int.random(in: 0..<10, using: &self)
            cuts.insert(roll == 0 ? 0 : roll == 1 ? 96 : Int.random(in: 0...96, using: &self))
        }
        let sorted = cuts.sorted()
        return stride(from: 0, to: sorted.count, by: 2).map {
            DayPeriod(start: sorted[$0] * 15, end: sorted[$0 + 1] * 15)
        }
    }

    /// A random weekly calendar with holidays and shortened days over the two-year window.
    mutating func calendar() -> BusinessCalendarFixture {
        let zone = TimeZone(identifier: Self.zones.randomElement(using: &self)!)!
        let hours = WeeklyHours(days: (0..<7).map { _ in day() })
        var specials: [SpecialDay] = []
        for _ in 0..<Int.random(in: 0...25, using: &self) {
            let dayNumber = 20_240 + Int.random(in: 0...740, using: &self)
            let (month, dayOfMonth) = WallClock.monthAndDay(dayNumber)
            let year = dayNumber < 20_454 ? 2025 : dayNumber < 20_819 ? 2026 : 2027
            let date = LocalDate(year: year, month: month, day: dayOfMonth)
            switch Int.random(in: 0..<3, using: &self) {
            case 0: specials.append(SpecialDay(date: date, kind: .holiday, label: "Holiday", periods: []))
            case 1: specials.append(SpecialDay(date: date, kind: .shortened, label: "Short", periods: day()))
            default: specials.append(SpecialDay(date: date, kind: .inventory, label: "Stock", periods: day()))
            }
        }
        return BusinessCalendarFixture(timeZone: zone, hours: hours, specialDays: specials)
    }

    /// An instant in the window: mostly uniform, sometimes on a whole quarter hour (where
    /// periods begin and end) or near a time-zone change.
    mutating func instant(in calendar: BusinessCalendar) -> Date {
        let uniform = Self.windowStart.addingTimeInterval(Double.random(in: 0..<Self.windowLength, using: &self))
        switch Int.random(in: 0..<4, using: &self) {
        case 0:
            let t = uniform.timeIntervalSince1970
            return Date(timeIntervalSince1970: (t / 900).rounded(.down) * 900)
        case 1:
            guard let change = calendar.timeZone.nextDaylightSavingTimeTransition(after: uniform),
                change.timeIntervalSince(Self.windowStart) < Self.windowLength
            else { return uniform }
            return change.addingTimeInterval(Double(Int.random(in: -8...8, using: &self)) * 900)
        default:
            return uniform
        }
    }
}
