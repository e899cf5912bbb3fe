import EarnedDomain
import Foundation

extension DemoBusiness {
    /// When greetings may go out: 10:00–20:00 in the customer's time zone.
    static let quietHours = QuietHours.standard
    /// How recently a customer must have bought to be greeted on a birthday or anniversary.
    static let personalGreetingActivity: TimeInterval = 365 * 86_400
    /// A customer is greeted on a holiday when they are a regular: two orders within this span.
    static let holidayGreetingActivity: TimeInterval = 120 * 86_400

    /// The holidays a site greets on: New Year and 8 March in the Russian shops, New Year and
    /// Christmas Day in Berlin (of its German calendar); the other built-in holidays switched off.
    func greetingHolidays(for site: DemoSite) -> HolidayCalendar {
        let kept: Set<String> = ["ru-new-year", "ru-womens-day", "de-new-year", "de-christmas"]
        return HolidayCalendar(disabledIDs: Set(HolidayCalendar.builtIn.map(\.id)).subtracting(kept))
    }

    /// One customer's greetings over the history: on each birthday, own stored date (a company's
    /// founding day) and purchase anniversary of
    /// a customer who bought within `personalGreetingActivity`, and each greeted holiday of a
    /// regular (two orders within `holidayGreetingActivity`), the planner
    /// decides — consent, channel, time, words, and the fatigue budget against the touches
    /// already made. A greeting that would push a later follow-up over the budget is not sent.
    /// Sent ones are closed tasks with a touch; those of the last `openTaskWindow` are open.
    func greetingHistory(
        index: Int, customer: Customer, orders: ArraySlice<Order>, touches followUps: [DemoTouch],
        context: DemoServiceContext, log: inout DemoServiceLog
    ) {
        guard let first = orders.first, GreetingPlanner.channel(for: customer) != nil else { return }
        var random = serviceRandom(.greetings, index: index)
        let site = context.site(customer.homeLocationID)
        let zone = context.zones[site.index]
        let holidays = context.greetingHolidays[site.index]
        var ledger = DemoTouchLedger(budget: Self.fatigueBudget)
        for touch in followUps { ledger.add(touch.touch) }

        let firstDay = max(site.days[0].number, DemoCalendar.localDay(of: customer.createdAt, in: zone) + 1)
        let lastDay = DemoCalendar.localDay(of: now, in: zone)
        guard firstDay <= lastDay else { return }
        let opening = DemoCalendar.civil(DemoCalendar.localDay(of: first.placedAt, in: zone))
        let greeted = holidays.holidays(in: site.location.country).filter(\.greets)
        var personalDays = [(month: opening.month, day: opening.day)]
        personalDays += customer.dates.map { ($0.date.month, $0.date.day) }
        // Day number → whether a personal occasion falls on it.
        var days: [Int: Bool] = [:]
        for year in DemoCalendar.civil(firstDay).year...DemoCalendar.civil(lastDay).year {
            let yearly =
                greeted.map { holiday in
                    let date = holiday.date(in: year)
                    return (month: date.month, day: date.day, personal: false)
                } + personalDays.map { ($0.month, $0.day, true) }
            for (month, day, personal) in yearly {
                // 29 February falls on 28 February in common years, as the planner reads it.
                let valid = LocalDate(year: year, month: month, day: day).isValid
                let number = DemoCalendar.day(year: year, month: month, day: valid ? day : 28)
                if number >= firstDay, number <= lastDay { days[number] = personal || days[number] == true }
            }
        }

        let owner = customer.ownerID ?? context.manager(site)
        let openFrom = now.addingTimeInterval(-Self.openTaskWindow)
        var last = orders.startIndex
        for (number, personal) in days.sorted(by: { $0.key < $1.key }) {
            let dayStart = site.instant(day: number - site.days[0].number, minute: 0)
            while last + 1 < orders.endIndex, orders[last + 1].placedAt < dayStart { last += 1 }
            guard orders[last].placedAt < dayStart else { continue }
            if personal {
                guard dayStart.timeIntervalSince(orders[last].placedAt) < Self.personalGreetingActivity else {
                    continue
                }
            } else {
                guard last > orders.startIndex,
                    dayStart.timeIntervalSince(orders[last - 1].placedAt) < Self.holidayGreetingActivity
                else { continue }
            }
            // The planner sends at the sending window's opening: a day whose greeting could not
            // fit then is not worth asking it about, and the touches of the budget window before
            // it (an hour either side, for a change of clocks) are all it needs to see.
            let opening = site.instant(day: number - site.days[0].number, minute: Self.quietHours.sendFrom)
            guard ledger.fits(opening, kind: .greeting) else { continue }
            let seen = ledger.touches(
                after: opening.addingTimeInterval(-Self.fatigueBudget.window - 3600),
                through: opening.addingTimeInterval(3600))
            let candidate = GreetingCandidate(
                customer: customer, timeZone: zone, firstOrderAt: first.placedAt,
                lastOrderItems: orders[last].itemsSummary, locationName: site.location.name,
                country: site.location.country, touches: Array(seen))
            guard
                let planned = GreetingPlanner.plan(
                    on: DemoCalendar.localDate(number), candidates: [candidate], holidays: holidays,
                    templates: GreetingTemplate.defaults, budget: Self.fatigueBudget, quietHours: Self.quietHours
                ).first?.planned,
                planned.sendAt <= now, ledger.fits(planned.sendAt, kind: .greeting)
            else { continue }
            var task = ServiceTask(
                id: ServiceTaskID(random.uuid()), key: planned.taskKey, kind: .greeting, assigneeID: owner,
                locationID: site.location.id, customerID: customer.id,
                subject: .init(kind: .customer, id: customer.id.rawValue), dueAt: planned.sendAt,
                channel: planned.channel, text: planned.text, createdAt: planned.sendAt, updatedAt: planned.sendAt)
            if planned.sendAt <= openFrom {
                let words = DemoServiceCatalog.sent.text(context.language(site))
                guard
                    log.step({ () throws(DomainError) in
                        try task.close(as: .done, outcome: words, by: owner, at: planned.sendAt)
                    })
                else { continue }
                ledger.add(planned.touch)
                log.history.touches.append(
                    DemoTouch(
                        customerID: customer.id, touch: planned.touch, channel: planned.channel,
                        taskKey: planned.taskKey))
            }
            log.history.tasks.append(task)
        }
    }
}
