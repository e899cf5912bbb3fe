import EarnedDomain
import Foundation

/// What every part of the service-history generator looks up: each site's business calendar,
/// who works where, the business-wide incidents, and local-time helpers over the generator's
/// precomputed site days.
struct DemoServiceContext: Sendable {
    var sites: [DemoSite]
    var crews: [DemoCrew]
    /// Site positions by location.
    var siteIndex: [LocationID: Int]
    var calendars: [BusinessCalendar]
    var zones: [TimeZone]
    /// Delivery staff per site (the department "delivery").
    var couriers: [StaffID]
    /// The holidays each site greets its customers on.
    var greetingHolidays: [HolidayCalendar]
    var ownerID: StaffID
    var now: Date
    var incidents: [DemoIncidentPlan]

    /// The site of a location; the first one when unknown.
    func site(_ locationID: LocationID?) -> DemoSite {
        sites[locationID.flatMap { siteIndex[$0] } ?? 0]
    }

    func calendar(_ site: DemoSite) -> BusinessCalendar { calendars[site.index] }

    /// The language staff of a site write in.
    func language(_ site: DemoSite) -> String { site.spec.isRussian ? "ru" : "en" }

    /// The site day (an index into `site.days`) and local minute of an instant; nil outside the
    /// generator's calendar.
    func slot(_ instant: Date, at site: DemoSite) -> (day: Int, minute: Int)? {
        let index = DemoCalendar.localDay(of: instant, in: zones[site.index]) - site.days[0].number
        guard index >= 0, index < site.days.count else { return nil }
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) - site.days[index].utcMidnight
        return (index, seconds / 60)
    }

    /// The shift (0 morning, 1 evening) a local minute belongs to by the site's shift table.
    func shiftIndex(minute: Int, at site: DemoSite) -> Int {
        site.location.shifts[0].contains(minuteOfDay: minute) ? 0 : 1
    }

    /// The shift name at an instant, by the site's shift table (nil outside every shift).
    func shiftName(_ instant: Date, at site: DemoSite) -> String? {
        guard let slot = slot(instant, at: site) else { return nil }
        return site.shiftName(minute: slot.minute)
    }

    /// Minutes from an instant to that day's closing time (0 or less when at or after closing, or
    /// on a closed day).
    func minutesBeforeClosing(_ instant: Date, at site: DemoSite) -> Int {
        guard let slot = slot(instant, at: site) else { return 0 }
        return site.days[slot.day].closing - slot.minute
    }

    /// `instant` when the site is open then, else its next opening.
    func openOrNext(_ instant: Date, at site: DemoSite) -> Date {
        let calendar = calendars[site.index]
        return calendar.isOpen(at: instant) ? instant : calendar.nextOpening(after: instant) ?? instant
    }

    /// An open instant of a site day, on a `granularity`-minute boundary; nil on a closed day or
    /// beyond the calendar.
    func openInstant(day: Int, at site: DemoSite, granularity: Int = 1, using random: inout SeededGenerator) -> Date? {
        guard day >= 0, day < site.days.count, site.days[day].openMinutes > 0 else { return nil }
        let minute = site.openMinute(day: day, granularity: granularity, using: &random)
        return site.instant(day: day, minute: minute, second: granularity == 1 ? random.int(0..<60) : 0)
    }

    /// The instant `seconds` of open time after `start` (the start itself when the site never
    /// opens again within the calendar's search limit).
    func addingOpenTime(_ seconds: TimeInterval, to start: Date, at site: DemoSite) -> Date {
        calendars[site.index].adding(seconds, to: start) ?? start
    }

    /// A seller on the shift of an instant at a site (the manager when nobody sells then).
    func seller(at instant: Date, site: DemoSite, using random: inout SeededGenerator) -> StaffID {
        let minute = slot(instant, at: site)?.minute ?? 12 * 60
        let sellers = crews[site.index].sellersByShift[shiftIndex(minute: minute, at: site)]
        return sellers.isEmpty ? crews[site.index].managerID : random.pick(sellers)
    }

    func manager(_ site: DemoSite) -> StaffID { crews[site.index].managerID }

    func servicer(_ site: DemoSite) -> StaffID { crews[site.index].servicers.first ?? manager(site) }

    func courier(_ site: DemoSite) -> StaffID { couriers[site.index] }

    /// The customer's relationship owner when they work at `site`, else a seller on shift.
    func owner(of customer: Customer, at instant: Date, site: DemoSite, using random: inout SeededGenerator) -> StaffID
    {
        if let owner = customer.ownerID, customer.homeLocationID == site.location.id { return owner }
        return seller(at: instant, site: site, using: &random)
    }
}

extension DemoBusiness {
    /// How recent a task's due time must be for it to be left open: the last two days, so a
    /// seller's Today holds a believable few dozen items rather than two years of them.
    public static let openTaskWindow: TimeInterval = 2 * 86_400

    /// The independent random streams of the service history, one family per concern, each split
    /// per customer position, so a customer's history depends only on the seed and its position.
    enum ServiceStream: UInt64 {
        case afterSale = 0x5E41_0001
        case promises = 0x5E41_0002
        case contacts = 0x5E41_0003
        case greetings = 0x5E41_0004
        case referrals = 0x5E41_0005
        case incidents = 0x5E41_0006
        case business = 0x5E41_0007
        case cases = 0x5E41_0008
        /// The promises staff make on their own and the questions customers ask on their own,
        /// apart from those tied to orders, so that removing an order changes neither.
        case ownPromises = 0x5E41_0009
        case ownQuestions = 0x5E41_000A
        /// The planted effect of the first service moment on the purchases after it.
        case serviceEffect = 0x5E41_000B
    }

    func serviceRandom(_ stream: ServiceStream, index: Int) -> SeededGenerator {
        SeededGenerator(seed: SeededGenerator.mix(seed, stream.rawValue), stream: UInt64(index))
    }

    func serviceContext() -> DemoServiceContext {
        DemoServiceContext(
            sites: sites, crews: crews,
            siteIndex: Dictionary(uniqueKeysWithValues: sites.map { ($0.location.id, $0.index) }),
            calendars: sites.map { BusinessCalendar(location: $0.location) },
            zones: sites.map { TimeZone(identifier: $0.spec.timeZone) ?? .gmt }, couriers: couriers(),
            greetingHolidays: sites.map(greetingHolidays), ownerID: ownerID, now: now, incidents: incidentPlans())
    }
}

extension DemoBusiness {
    /// The natural logarithm, under a name the generator's `log` parameters do not hide.
    static func ln(_ x: Double) -> Double { log(x) }
}
