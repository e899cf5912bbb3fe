import EarnedDomain
import FluentKit
import Foundation

/// The touches the fatigue budget counts: greetings planned, follow-ups made, surveys sent.
public struct TouchRepository: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    /// Records touches; one with a task key already recorded is skipped, so a pass run twice
    /// counts a greeting once.
    public func record(_ touches: [(customer: CustomerID, touch: Touch, taskKey: String?)]) async throws {
        try await TouchQueries.record(touches, on: db)
    }

    /// Touches of customers since a time, for the budget.
    public func since(_ start: Date, customers: [CustomerID]) async throws -> [CustomerID: [Touch]] {
        var found: [CustomerID: [Touch]] = [:]
        for begin in stride(from: 0, to: customers.count, by: 500) {
            let batch = customers[begin..<min(begin + 500, customers.count)].map(\.rawValue)
            for record in try await TouchRecord.query(on: db).filter(\.$customerID ~~ batch).filter(\.$at >= start)
                .all()
            {
                guard let kind = TouchKind(rawValue: record.kind) else { continue }
                found[CustomerID(record.customerID), default: []].append(Touch(at: record.at, kind: kind))
            }
        }
        return found
    }
}
