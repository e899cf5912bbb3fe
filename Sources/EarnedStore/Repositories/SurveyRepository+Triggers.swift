import EarnedDomain
import FluentKit
import Foundation

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
        try await SurveyTriggerQueries.customersBuyingSince(since, on: db)
    }
}
