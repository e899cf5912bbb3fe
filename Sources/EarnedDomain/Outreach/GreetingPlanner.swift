import Foundation

/// Decides, for one local date, which customers get a greeting, for what, through which channel,
/// when and with which words.
///
/// For each customer (the first candidate wins when one appears twice):
/// 1. the occasions on the date in the customer's time zone — the birthday (29 February
///    birthdays on 28 February in common years), the customer's own stored anniversaries and
///    other dates (a name day, a company's founding day; those with a year only in later years;
///    29 February likewise), the anniversary of the first order (one year or more; 29 February
///    likewise), and the greeting holidays of the customer's country — strongest first: birthday,
///    own anniversary, own other date, purchase anniversary, holiday (`GreetingOccasion.priority`).
///    No occasion, no decision.
/// 2. at most one greeting a day: the strongest occasion that has a template, in the customer's
///    language, else English, else Russian;
/// 3. the channel: the preferred channel if it is a greeting channel and consented, else the first
///    consented of messenger, SMS, e-mail. Greetings never ring: a call is an interruption;
/// 4. the time: the opening of the sending window on that date in the customer's time zone, and
///    only if the fatigue budget allows a greeting then.
///
/// A customer is skipped — with the strongest occasion and the first reason that applies — when
/// erased, without a consented channel, over the budget, or without a template.
public enum GreetingPlanner {
    /// The channels greetings may go through, in the order tried after the preferred one.
    public static let channels: [ContactChannel] = [.messenger, .sms, .email]

    /// The decisions for `date` (which needs a year; none without one), in the order of the
    /// candidates. Later templates for the same occasion and language override earlier ones.
    public static func plan(
        on date: LocalDate, candidates: [GreetingCandidate], holidays: HolidayCalendar,
        templates: [GreetingTemplate], budget: FatigueBudget, quietHours: QuietHours
    ) -> [GreetingDecision] {
        guard date.year != nil, date.isValid else { return [] }
        var seen = Set<CustomerID>()
        var decisions: [GreetingDecision] = []
        for candidate in candidates where seen.insert(candidate.customer.id).inserted {
            let occasions = occasions(on: date, for: candidate, holidays: holidays)
            guard let strongest = occasions.first else { continue }
            decisions.append(
                decide(
                    candidate, occasions: occasions, strongest: strongest, date: date, holidays: holidays,
                    templates: templates, budget: budget, quietHours: quietHours))
        }
        return decisions
    }

    /// The occasions a candidate has on `date`, strongest first.
    public static func occasions(
        on date: LocalDate, for candidate: GreetingCandidate, holidays: HolidayCalendar
    ) -> [GreetingOccasion] {
        guard let year = date.year else { return [] }
        var occasions: [GreetingOccasion] = []
        if let birthday = candidate.customer.birthday, (birthday.year ?? Int.min) < year,
            recurs(month: birthday.month, day: birthday.day, on: date)
        {
            occasions.append(.birthday)
        }
        for stored in candidate.customer.dates where stored.kind != .birthday {
            guard (stored.date.year ?? Int.min) < year, recurs(month: stored.date.month, day: stored.date.day, on: date)
            else { continue }
            let label = stored.label?.trimmingCharacters(in: .whitespacesAndNewlines)
            let present = label?.isEmpty == false ? label : nil
            let years = stored.date.year.map { year - $0 }
            occasions.append(
                stored.kind == .anniversary
                    ? .anniversary(label: present, years: years) : .otherDate(label: present, years: years))
        }
        if let first = candidate.firstOrderAt {
            let clock = WallClock(timeZone: candidate.timeZone)
            let civil = CivilDays.civil(clock.localDay(of: first))
            let years = year - civil.year
            if years >= 1, recurs(month: civil.month, day: civil.day, on: date) {
                occasions.append(.purchaseAnniversary(years: years))
            }
        }
        occasions += holidays.holidays(on: date, in: candidate.country).filter(\.greets).map { .holiday(id: $0.id) }
        // A stable sort: of two own dates of a kind, the one stored first.
        return occasions.enumerated().sorted { ($0.element.priority, $0.offset) < ($1.element.priority, $1.offset) }
            .map(\.element)
    }

    /// The channel a greeting goes through, or nil when the customer consented to none.
    public static func channel(for customer: Customer) -> ContactChannel? {
        if let preferred = customer.preferredChannel, channels.contains(preferred), customer.mayContact(via: preferred)
        {
            return preferred
        }
        return channels.first { customer.mayContact(via: $0) }
    }

    /// "greeting:<customer id, lower case>:<occasion key>:<yyyy-MM-dd>".
    public static func taskKey(customerID: CustomerID, occasion: GreetingOccasion, date: LocalDate) -> String {
        "greeting:\(customerID.description.lowercased()):\(occasion.key):\(date)"
    }

    private static func decide(
        _ candidate: GreetingCandidate, occasions: [GreetingOccasion], strongest: GreetingOccasion, date: LocalDate,
        holidays: HolidayCalendar, templates: [GreetingTemplate], budget: FatigueBudget, quietHours: QuietHours
    ) -> GreetingDecision {
        let customer = candidate.customer
        func skip(_ reason: GreetingDecision.SkipReason) -> GreetingDecision {
            .skipped(customerID: customer.id, occasion: strongest, reason: reason)
        }
        guard customer.erasedAt == nil else { return skip(.erased) }
        guard let channel = channel(for: customer) else { return skip(.noConsent) }
        let sendAt = quietHours.firstSendTime(on: date, in: candidate.timeZone)
        guard budget.allows(.greeting, at: sendAt, history: candidate.touches) else { return skip(.fatigueBudget) }
        let languages = [customer.language, "en", "ru"].reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        for occasion in occasions {
            for language in languages {
                guard let template = templates.last(where: { $0.occasion == occasion.kind && $0.language == language })
                else { continue }
                var holiday: Holiday?
                if case .holiday(let id) = occasion { holiday = holidays.holiday(id: id) }
                let context = GreetingContext(
                    name: customer.name, kind: customer.kind, lastPurchase: candidate.lastOrderItems,
                    years: occasion.years,
                    holiday: holiday, label: occasion.label, locationName: candidate.locationName)
                return .planned(
                    PlannedGreeting(
                        customerID: customer.id, occasion: occasion, channel: channel, sendAt: sendAt,
                        text: template.render(context), language: language,
                        taskKey: taskKey(customerID: customer.id, occasion: occasion, date: date)))
            }
        }
        return skip(.noTemplate)
    }

    /// Whether a yearly date (month, day) falls on `date`; 29 February falls on 28 February in
    /// common years.
    static func recurs(month: Int, day: Int, on date: LocalDate) -> Bool {
        if month == date.month && day == date.day { return true }
        guard month == 2, day == 29, date.month == 2, date.day == 28, let year = date.year else { return false }
        return !LocalDate(year: year, month: 2, day: 29).isValid
    }
}
