import EarnedDomain
import Foundation

@testable import EarnedDemo

/// One demo business at scale 1, generated once and shared by the demo tests, with helpers
/// that read orders in their location's local time through Foundation's `Calendar` — an
/// independent check of the generator's own day arithmetic.
enum DemoFixture {
    /// 2026-03-15 10:30 UTC.
    static let now = Date(timeIntervalSince1970: 1_773_570_600)
    static let seed: UInt64 = 2026
    static let business = DemoBusiness(seed: seed, scale: 1, now: now)
    static let data: DemoBatch = business.batch(0..<business.customerCount)

    static var moscow: Location { business.locations[0] }
    static var yekaterinburg: Location { business.locations[1] }
    static var berlin: Location { business.locations[2] }

    /// A moment as its location sees it.
    struct LocalSlot {
        var date: LocalDate
        var isoWeekday: Int
        var minute: Int
        var periods: [DayPeriod]
        var special: SpecialDay.Kind?
        var shiftName: String?

        var isOpen: Bool { periods.contains { minute >= $0.start && minute < $0.end } }
        var minutesBeforeClosing: Int { (periods.last?.end ?? 0) - minute }
        var inLastHour: Bool { minutesBeforeClosing > 0 && minutesBeforeClosing <= 60 }
    }

    static func slot(of instant: Date, at location: Location) -> LocalSlot {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: location.timeZone)!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: instant)
        let date = LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)
        let isoWeekday = (parts.weekday! + 5) % 7 + 1
        let special = location.specialDays.first { $0.date == date }
        let minute = parts.hour! * 60 + parts.minute!
        return LocalSlot(
            date: date, isoWeekday: isoWeekday, minute: minute,
            periods: special?.periods ?? location.hours.periods(isoWeekday: isoWeekday), special: special?.kind,
            shiftName: location.shift(atMinuteOfDay: minute)?.name)
    }

    /// Delivered orders with the local slot of their promised time.
    static let promised: [(order: Order, slot: LocalSlot)] = data.orders.compactMap { order in
        guard order.deliveredAt != nil, let promisedAt = order.promisedAt,
            let location = business.location(order.locationID!)
        else { return nil }
        return (order, slot(of: promisedAt, at: location))
    }

    static func lateShare(_ rows: [(order: Order, slot: LocalSlot)]) -> Double {
        Double(rows.filter { $0.order.deliveredLate == true }.count) / Double(max(1, rows.count))
    }
}
