import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// The events surveys follow, read for the scheduler: each is found again on every pass in
/// its window, and the invitation's unique key keeps it from being asked twice.
extension SurveyRepository {
    /// Contacts resolved in `[from, to]`.
    public func contactsResolved(from: Date, to: Date) async throws -> [InboundContact] {
        try await InboundContactRecord.query(on: db).filter(\.$status == InboundContact.Status.resolved.rawValue)
            .filter(\.$updatedAt >= from).all()
            .map { try $0.domain() }
            .filter { ($0.resolvedAt ?? .distantPast) >= from && ($0.resolvedAt ?? .distantFuture) <= to }
    }

    /// Cases closed (the customer confirmed the fix) in `[from, to]`.
    public func casesClosed(from: Date, to: Date) async throws -> [ServiceCase] {
        try await ServiceCaseRecord.query(on: db).filter(\.$status == ServiceCase.Status.closed.rawValue)
            .filter(\.$updatedAt >= from).all()
            .map { try $0.domain() }
            .filter { ($0.confirmedAt ?? .distantPast) >= from && ($0.confirmedAt ?? .distantFuture) <= to }
    }

    /// Customers who bought something since `since`: the ones a relationship survey asks.
    public func customersBuyingSince(_ since: Date) async throws -> [CustomerID] {
        let sql = db as! any SQLDatabase
        return try await sql.raw(
            "SELECT DISTINCT customer_id FROM orders WHERE placed_at >= \(bind: since)"
        ).all().map { CustomerID(try $0.decode(column: "customer_id", as: UUID.self)) }
    }
}
