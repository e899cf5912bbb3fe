import Foundation

/// How call-first outreach went for one incident: how many affected customers the business told
/// first, how many got in touch first, how many are still pending.
public struct IncidentFigure: Hashable, Codable, Sendable {
    public var affected: Int
    public var toldFirst: Int
    public var theyContactedFirst: Int
    public var pending: Int

    public init(affected: Int, toldFirst: Int, theyContactedFirst: Int, pending: Int) {
        self.affected = affected
        self.toldFirst = toldFirst
        self.theyContactedFirst = theyContactedFirst
        self.pending = pending
    }

    /// Counts every affected customer once. An affected customer without a result is pending;
    /// results for customers not affected are ignored; several results for one customer are
    /// merged, keeping the earliest telling and the earliest inbound contact that counts.
    public init(foundAt: Date, affected: [CustomerID], results: [OutreachResult]) {
        var merged: [CustomerID: (told: Date?, inbound: Date?)] = [:]
        for result in results {
            let inbound = result.firstInboundAt.flatMap { $0 >= foundAt ? $0 : nil }
            let current = merged[result.customerID] ?? (nil, nil)
            merged[result.customerID] = (
                Self.earliest(current.told, result.toldAt), Self.earliest(current.inbound, inbound)
            )
        }
        var counts: [ToldFirst: Int] = [:]
        let unique = Set(affected)
        for customerID in unique {
            let result = merged[customerID]
            let outcome = ToldFirst.classify(foundAt: foundAt, toldAt: result?.told, firstInboundAt: result?.inbound)
            counts[outcome, default: 0] += 1
        }
        self.init(
            affected: unique.count, toldFirst: counts[.toldFirst] ?? 0,
            theyContactedFirst: counts[.theyContactedFirst] ?? 0, pending: counts[.pending] ?? 0)
    }

    /// The figure for an incident, from the orders that decide who is affected.
    public init(incident: Incident, orders: [Order], results: [OutreachResult]) {
        self.init(foundAt: incident.foundAt, affected: incident.affectedCustomers(orders: orders), results: results)
    }

    /// Customers whose outcome is decided (told first or contacted first).
    public var decided: Int { toldFirst + theyContactedFirst }

    /// The share of decided customers the business told first; nil while nobody is decided.
    public var toldFirstShare: Double? {
        decided == 0 ? nil : Double(toldFirst) / Double(decided)
    }

    private static func earliest(_ a: Date?, _ b: Date?) -> Date? {
        switch (a, b) {
        case (nil, _): b
        case (_, nil): a
        case (.some(let a), .some(let b)): min(a, b)
        }
    }
}
