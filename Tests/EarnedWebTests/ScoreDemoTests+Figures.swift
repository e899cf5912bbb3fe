import EarnedAnalytics
import EarnedDemo
import EarnedDomain
import EarnedServices
import EarnedStore
import Foundation
import SQLKit
import Testing
import Vapor

@testable import EarnedStore
@testable import EarnedWeb

/// The three scorecard figures whose counting needs more than a filter: call first (who spoke
/// first after an incident), the on-time half of answer fast (the business-hours reply clock)
/// and build trust (the consistency index of on-time records across shifts). Each is computed
/// here again from the raw rows, with its own hand-written time and index arithmetic, and must
/// agree with the stored figure.
extension ScoreDemoTests {
    func checkHardFigures(_ app: Application, _ card: Scorecard) async throws {
        let sql = try app.db.sql
        let locations = Dictionary(
            try await LocationRepository(db: app.db).all().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        try await checkCallFirst(sql, card)
        try await checkAnswerFast(app, sql, card, locations: locations)
        try await checkBuildTrust(sql, card, locations: locations)
    }

    /// Call first: every customer of an incident found in the period, classified by hand from
    /// when they were told and their first inbound contact at or after the incident was found.
    func checkCallFirst(_ sql: any SQLDatabase, _ card: Scorecard) async throws {
        let rows = try await sql.raw(
            """
            SELECT i.found_at AS found_at, ic.told_at AS told_at,
              (SELECT MIN(c.received_at) FROM inbound_contacts c
               WHERE c.customer_id = ic.customer_id AND c.received_at >= i.found_at) AS inbound_at
            FROM incident_customers ic JOIN incidents i ON i.id = ic.incident_id
            WHERE i.found_at >= \(bind: card.start) AND i.found_at < \(bind: card.end)
            """
        ).all()
        var decided = 0
        var toldFirst = 0
        for row in rows {
            let told = try row.decodeNil(column: "told_at") ? nil : try row.decode(column: "told_at", as: Date.self)
            let inbound =
                try row.decodeNil(column: "inbound_at") ? nil : try row.decode(column: "inbound_at", as: Date.self)
            switch (told, inbound) {
            case (nil, nil): continue
            case (.some, nil): toldFirst += 1
            case (nil, .some): break
            case (.some(let t), .some(let i)): if t < i { toldFirst += 1 }
            }
            decided += 1
        }
        let figure = try #require(card.figure(.callFirst))
        #expect(decided > 0, "the demo has no decided incident customers in the period")
        #expect(figure.sampleSize == decided)
        #expect(figure.successes == toldFirst)
    }

    /// Answer fast, on time: every contact received in the period and answered, its business
    /// seconds to the first reply counted second by second against the location's weekly hours
    /// and special days in its own time zone (Foundation's offsets, not the app's wall clock),
    /// less the time spent waiting on the customer, within the target for its channel and
    /// priority.
    func checkAnswerFast(
        _ app: Application, _ sql: any SQLDatabase, _ card: Scorecard, locations: [LocationID: Location]
    ) async throws {
        let rules = try await Tick.Setting.load(app.db).rules
        let contacts = try await sql.select().column("document").from("inbound_contacts").all()
            .map { try DocumentCoding.decode(InboundContact.self, try $0.decode(column: "document", as: String.self)) }
            .filter { $0.receivedAt >= card.start && $0.receivedAt < card.end && $0.firstResponseAt != nil }
        var hours = HandHours()
        var met = 0
        var answered = 0
        for c in contacts {
            guard let location = locations[c.locationID], let first = c.firstResponseAt else { continue }
            answered += 1
            var pauses = c.waiting
            if let since = c.waitingSince, since < first { pauses.append(DateInterval(start: since, end: first)) }
            let used = hours.businessSeconds(from: c.receivedAt, to: first, at: location, excluding: pauses)
            let target = rules.replyTargets(at: location.id).target(for: c.channel, priority: c.priority)
            if used <= target.firstResponse { met += 1 }
        }
        let figure = try #require(card.figure(.answerFast))
        #expect(answered >= Scorecard.minimumSample)
        #expect(figure.sampleSize == answered)
        #expect(figure.successes == met)
        // Some replies were late and some on time, so the check could tell them apart.
        #expect(met > 0 && met < answered)
    }

    /// Build trust: the on-time records of the period (deliveries by their promised time,
    /// decided promises by their first due time) placed by hand in the shift of their local
    /// time at their location; the shifts with at least 30 records; and the index computed from
    /// the formulas written out here (DerSimonian–Laird τ², empirical-Bayes shrinkage, weighted
    /// mean absolute deviation over its largest possible value).
    func checkBuildTrust(_ sql: any SQLDatabase, _ card: Scorecard, locations: [LocationID: Location]) async throws {
        var slots: [String: (successes: Int, trials: Int)] = [:]
        func place(_ at: Date, _ locationID: LocationID?, onTime: Bool) {
            guard let locationID, let location = locations[locationID],
                let tz = TimeZone(identifier: location.timeZone)
            else { return }
            let minute = HandHours.local(at, tz).minute
            let shift = location.shifts.first { s in
                s.start <= s.end ? (minute >= s.start && minute < s.end) : (minute >= s.start || minute < s.end)
            }
            guard let shift else { return }
            let key = "loc=\(locationID);shift=\(shift.name)"
            slots[key, default: (0, 0)].trials += 1
            if onTime { slots[key, default: (0, 0)].successes += 1 }
        }
        for row in try await sql.raw(
            """
            SELECT location_id, promised_at, delivered_at FROM orders
            WHERE promised_at IS NOT NULL AND delivered_at IS NOT NULL
            AND promised_at >= \(bind: card.start) AND promised_at < \(bind: card.end)
            AND delivered_at <= \(bind: card.end)
            """
        ).all() {
            let location =
                try row.decodeNil(column: "location_id") ? nil : try row.decode(column: "location_id", as: UUID.self)
            let promised = try row.decode(column: "promised_at", as: Date.self)
            let delivered = try row.decode(column: "delivered_at", as: Date.self)
            place(promised, location.map(LocationID.init), onTime: delivered <= promised)
        }
        let promises = try await sql.select().column("document").from("promises").all()
            .map { try DocumentCoding.decode(Promise.self, try $0.decode(column: "document", as: String.self)) }
            .filter { $0.originalDueAt >= card.start && $0.originalDueAt < card.end }
            .filter { $0.keptAt != nil || $0.brokenAt != nil }
        for p in promises { place(p.originalDueAt, p.locationID, onTime: p.keptAt.map { $0 <= p.dueInForce } ?? false) }

        let counted = slots.filter { $0.value.trials >= Scorecard.minimumSlotSample }
        let figure = try #require(card.figure(.buildTrust))
        #expect(counted.count >= 2)
        #expect(figure.sampleSize == counted.values.reduce(0) { $0 + $1.trials })
        #expect(figure.successes == counted.values.reduce(0) { $0 + $1.successes })
        let listed = figure.details.filter { $0.key.hasPrefix(Scorecard.slotDetailPrefix) }
        #expect(
            Dictionary(
                uniqueKeysWithValues: listed.map {
                    (String($0.key.dropFirst(Scorecard.slotDetailPrefix.count)), Int($0.value))
                })
                == counted.mapValues(\.trials))
        let index = try #require(Self.handIndex(Array(counted.values)))
        let estimate = try #require(figure.estimate)
        #expect(abs(estimate.value - index) < 1e-9, "stored \(estimate.value), by hand \(index)")
        #expect(estimate.lower <= estimate.value && estimate.value <= estimate.upper)
    }

    /// The consistency index of shares x/n, straight from its definition.
    static func handIndex(_ slots: [(successes: Int, trials: Int)]) -> Double? {
        guard slots.count >= 2 else { return nil }
        let p = slots.map { Double($0.successes) / Double($0.trials) }
        let n = slots.map { Double($0.trials) }
        // Sampling variances, with ½ added only where a slot is all one way.
        let v = slots.map { s -> Double in
            let x = Double(s.successes)
            let m = Double(s.trials)
            let q = (s.successes == 0 || s.successes == s.trials) ? (x + 0.5) / (m + 1) : x / m
            return q * (1 - q) / m
        }
        let total = n.reduce(0, +)
        let mu = zip(n, p).map { $0 * $1 }.reduce(0, +) / total
        let w = v.map { 1 / $0 }
        let sw = w.reduce(0, +)
        let pw = zip(w, p).map { $0 * $1 }.reduce(0, +) / sw
        let q = zip(w, p).map { $0 * ($1 - pw) * ($1 - pw) }.reduce(0, +)
        let c = sw - w.map { $0 * $0 }.reduce(0, +) / sw
        let tau2 = max(0, (q - Double(slots.count - 1)) / c)
        var deviation = 0.0
        for i in slots.indices {
            let shrunk = mu + (tau2 > 0 ? tau2 / (tau2 + v[i]) : 0) * (p[i] - mu)
            deviation += n[i] / total * abs(shrunk - mu)
        }
        let largest = 2 * mu * (1 - mu)
        return largest > 0 ? min(1, max(0, 1 - deviation / largest)) : 1
    }
}

/// Business time counted by hand: a location is open at an instant when its local minute of
/// the day lies in one of the day's periods — the special day's if the local date is one,
/// else the weekday's.
struct HandHours {
    private var periodCache: [String: [DayPeriod]] = [:]
    private let utc: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    /// The local day (days since 1970-01-01 in local time) and minute of the day.
    static func local(_ instant: Date, _ tz: TimeZone) -> (day: Int, minute: Int) {
        let local = Int(instant.timeIntervalSince1970.rounded(.down)) + tz.secondsFromGMT(for: instant)
        let day = Int((Double(local) / 86_400).rounded(.down))
        return (day, (local - day * 86_400) / 60)
    }

    mutating func periods(day: Int, at location: Location) -> [DayPeriod] {
        let cacheKey = "\(location.id)/\(day)"
        if let cached = periodCache[cacheKey] { return cached }
        let date = utc.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(day) * 86_400))
        // 1970-01-01 was a Thursday; index 0 is Monday.
        let weekday = ((day % 7) + 7 + 3) % 7
        let special = location.specialDays.filter {
            $0.date.month == date.month && $0.date.day == date.day && ($0.date.year == nil || $0.date.year == date.year)
        }
        let periods = special.isEmpty ? location.hours.days[weekday] : special.flatMap(\.periods)
        periodCache[cacheKey] = periods
        return periods
    }

    mutating func isOpen(_ instant: Date, at location: Location) -> Bool {
        let tz = TimeZone(identifier: location.timeZone)!
        let (day, minute) = Self.local(instant, tz)
        return periods(day: day, at: location).contains { $0.start <= minute && minute < $0.end }
    }

    /// Open seconds in [from, to) outside every pause, walked a minute at a time (opening times
    /// fall on whole minutes) and split wherever a pause begins or ends.
    mutating func businessSeconds(from: Date, to: Date, at location: Location, excluding pauses: [DateInterval])
        -> TimeInterval
    {
        var t = from
        var used: TimeInterval = 0
        while t < to {
            var next = min(Date(timeIntervalSince1970: ((t.timeIntervalSince1970 / 60).rounded(.down) + 1) * 60), to)
            for p in pauses {
                if p.start > t && p.start < next { next = p.start }
                if p.end > t && p.end < next { next = p.end }
            }
            let paused = pauses.contains { $0.start <= t && t < $0.end }
            if !paused && isOpen(t, at: location) { used += next.timeIntervalSince(t) }
            t = next
        }
        return used
    }
}

extension ScoreDemoTests {
    /// The forecaster's baseline from the score run: a cohort per segment with customers in
    /// it, their counts adding up to every scored customer, the service volumes and shares of
    /// the 90-day scorecard, and a forecast that runs on it.
    func checkForecastBaseline(_ app: Application, _ card: Scorecard) async throws {
        let (baseline, _) = try #require(
            try await ScoreStore(db: app.db).snapshot(ForecastBaseline.self, key: ForecastBaseline.key))
        #expect(baseline.currency == "RUB")
        #expect(baseline.cohorts.reduce(0) { $0 + $1.customers } == (try await app.count("customer_scores")))
        let spurious = try #require(baseline.cohorts.first { $0.segment == .spuriousLoyalty })
        #expect(spurious.activeCustomers > 0 && spurious.monthlyPurchaseRate > 0 && spurious.averageOrderMinor > 0)
        for cohort in baseline.cohorts where cohort.activeCustomers > 0 {
            #expect(cohort.monthlyChurn > 0 && cohort.monthlyChurn < 1, "\(cohort.segment)")
            #expect(abs(cohort.spendGroups.reduce(0) { $0 + $1.share } - 1) < 1e-9, "\(cohort.segment)")
        }
        let late = try #require(card.figure(.neverLate))
        #expect(baseline.onTime?.sampleSize == late.sampleSize)
        #expect(
            baseline.onTime.map { abs($0.share - Double(late.successes) / Double(late.sampleSize)) < 1e-12 } == true)
        #expect(baseline.replies?.sampleSize == card.figure(.answerFast)?.sampleSize)
        var scenario = ProgramScenario.standard
        scenario.service?.onTimeTarget = 0.95
        let result = ProgramForecast(scenario: scenario, baseline: baseline).run()
        #expect(result.subsidyLeakBySegment["spurious_loyalty"].map { $0 > 0 } == true)
        #expect(result.program.npv.p10 < result.program.npv.p90)
    }
}
