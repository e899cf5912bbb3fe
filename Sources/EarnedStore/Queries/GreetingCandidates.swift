import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// The customers of one location who may have an occasion on a local date: a birthday or another
/// stored date of theirs (an anniversary, a name day) that day (29 February ones too, on 28
/// February), a first order on that day in an earlier year, or everyone when a greeting holiday
/// of the location's country falls on it. The planner decides the rest.
public struct GreetingCandidates: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    /// How many years back purchase anniversaries are looked for.
    public static let anniversaryYears = 10

    public func load(
        location: Location, date: LocalDate, holidays: HolidayCalendar, budget: FatigueBudget, now: Date
    ) async throws -> [GreetingCandidate] {
        guard let year = date.year, let zone = TimeZone(identifier: location.timeZone) else { return [] }
        let sql = try db.sql
        var ids: [UUID] = []
        let everyone = holidays.holidays(on: date, in: location.country).contains(where: \.greets)
        if everyone {
            ids = try await sql.select().column("id").from("customers")
                .where("home_location_id", .equal, location.id.rawValue).where("erased_at", .is, SQLLiteral.null)
                .where("merged_into_id", .is, SQLLiteral.null).all().map { try $0.decode(column: "id", as: UUID.self) }
        } else {
            ids += try await withOwnDates(location: location, date: date).map(\.rawValue)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            for back in 1...Self.anniversaryYears {
                guard
                    let start = calendar.date(
                        from: DateComponents(year: year - back, month: date.month, day: min(date.day, 28)))
                else { continue }
                // A generous window: the planner keeps only first orders on the very day.
                let from = start.addingTimeInterval(-2 * 86_400)
                let to = start.addingTimeInterval(5 * 86_400)
                ids += try await sql.select().column("customer_id").from("orders")
                    .where("location_id", .equal, location.id.rawValue).where("placed_at", .greaterThanOrEqual, from)
                    .where("placed_at", .lessThan, to).all().map { try $0.decode(column: "customer_id", as: UUID.self) }
            }
        }
        return try await candidates(
            Array(Set(ids)).map(CustomerID.init), location: location, budget: budget, now: now)
    }

    /// The customers of `location` with a birthday or another stored date of theirs on `date`
    /// (29 February ones on 28 February in common years).
    public func withOwnDates(location: Location, date: LocalDate) async throws -> [CustomerID] {
        guard let year = date.year else { return [] }
        let sql = try db.sql
        var days = [(date.month, date.day)]
        if date.month == 2, date.day == 28, !Self.isLeap(year) { days.append((2, 29)) }
        var ids: [CustomerID] = []
        for (month, day) in days {
            ids += try await sql.raw(
                """
                SELECT d.customer_id FROM customer_dates d JOIN customers c ON c.id = d.customer_id
                WHERE d.month = \(bind: month) AND d.day = \(bind: day)
                AND c.home_location_id = \(bind: location.id.rawValue) AND c.erased_at IS NULL
                """
            ).all().map { CustomerID(try $0.decode(column: "customer_id", as: UUID.self)) }
        }
        return ids
    }

    /// The given customers as candidates at their home `location`, with their first order, last
    /// order's items and the touches the budget looks at; erased ones left out. Whether they have
    /// an occasion is the planner's to say.
    public func candidates(
        _ customerIDs: [CustomerID], location: Location, budget: FatigueBudget, now: Date
    ) async throws -> [GreetingCandidate] {
        guard let zone = TimeZone(identifier: location.timeZone) else { return [] }
        let sql = try db.sql
        let unique = Array(Set(customerIDs.map(\.rawValue))).sorted { $0.uuidString < $1.uuidString }
        var candidates: [GreetingCandidate] = []
        let touches = TouchRepository(db: db)
        for start in stride(from: 0, to: unique.count, by: 500) {
            let batch = Array(unique[start..<min(start + 500, unique.count)])
            let customers = try await CustomerRepository(db: db).byIDs(batch.map(CustomerID.init))
            let orders = try await sql.select().column("customer_id").column("placed_at").column("items_summary")
                .from("orders").where("customer_id", .in, batch).orderBy("placed_at").all()
            var first: [UUID: Date] = [:]
            var lastItems: [UUID: String] = [:]
            for row in orders {
                let customer = try row.decode(column: "customer_id", as: UUID.self)
                let placed = try row.decode(column: "placed_at", as: Date.self)
                if first[customer] == nil { first[customer] = placed }
                if let items = try row.decode(column: "items_summary", as: String?.self) { lastItems[customer] = items }
            }
            let history = try await touches.since(
                now.addingTimeInterval(-budget.window - 2 * 86_400), customers: batch.map(CustomerID.init))
            for id in batch {
                guard let customer = customers[CustomerID(id)], customer.erasedAt == nil else { continue }
                candidates.append(
                    GreetingCandidate(
                        customer: customer, timeZone: zone, firstOrderAt: first[id], lastOrderItems: lastItems[id],
                        locationName: location.name, country: location.country, touches: history[customer.id] ?? []))
            }
        }
        return candidates
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }
}
