import EarnedDomain
import EarnedStore
import FluentKit
import Foundation

/// What saving a customer does for greetings, the same from a page, the API and an import: a birthday,
/// anniversary or other date of theirs that falls on today in their home location's time zone,
/// recorded after that location's greetings for today were planned, is greeted at once, not a
/// year later. Before the day's pass, nothing: the pass will see the date.
package enum GreetingActions {
    /// Plans and creates `customer`'s greeting for today through the pass's own rules (planner,
    /// templates, consent, sending hours, fatigue budget, one greeting a day, the task key),
    /// when one of their own dates is today and today's pass at their home location has run.
    /// Returns the task created, if any.
    @discardableResult
    package static func greetToday(_ customer: Customer, in context: ServiceContext) async throws -> [ServiceTask] {
        let db = context.db
        let now = context.now
        guard customer.erasedAt == nil, let home = customer.homeLocationID else { return [] }
        let settings = try await SettingsStore(db: db).outreach()
        guard settings.greetingsEnabled, let location = try await LocationRepository(db: db).find(home),
            let day = Tick.greetingDay(at: location, now: now)
        else { return [] }
        let ownDate = GreetingPlanner.occasions(
            on: day.date, for: GreetingCandidate(customer: customer, timeZone: day.zone, country: location.country),
            holidays: settings.holidays
        ).contains { [GreetingOccasion.Kind.birthday, .anniversary, .otherDate].contains($0.kind) }
        guard ownDate, try await SettingsStore(db: db).isMarked(Tick.greetingsMark(location.id, day.date)) else {
            return []
        }
        let candidates = try await GreetingCandidates(db: db).candidates(
            [customer.id], location: location, budget: settings.budget, now: now)
        var report = Tick.Report()
        return try await Tick.greet(
            candidates, on: day.date, at: location, zone: day.zone, settings, now: now, on: db, report: &report)
    }

    /// After an import of customers: everyone whose own date is today at a location whose pass
    /// for today has run is planned again by the same rules (those greeted today already are
    /// left out), so dates the file brought are greeted at once. An import does not say whom it
    /// touched; a location's customers with a date today are few.
    @discardableResult
    package static func greetTodayAfterImport(now: Date, on db: any Database) async throws -> [ServiceTask] {
        let settings = try await SettingsStore(db: db).outreach()
        guard settings.greetingsEnabled else { return [] }
        var created: [ServiceTask] = []
        var report = Tick.Report()
        for location in try await LocationRepository(db: db).all() {
            guard let day = Tick.greetingDay(at: location, now: now),
                try await SettingsStore(db: db).isMarked(Tick.greetingsMark(location.id, day.date))
            else { continue }
            let store = GreetingCandidates(db: db)
            let candidates = try await store.candidates(
                try await store.withOwnDates(location: location, date: day.date), location: location,
                budget: settings.budget, now: now)
            created += try await Tick.greet(
                candidates, on: day.date, at: location, zone: day.zone, settings, now: now, on: db, report: &report)
        }
        return created
    }
}
