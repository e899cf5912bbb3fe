import EarnedDomain
import EarnedStore
import FluentKit
import Foundation

/// The cases list, the same for the page, the API and the CSV: the store's filters, and
/// "overdue", which only the case's clock can tell (its resolution target missed, counted in
/// its location's business hours).
package enum CaseListing {
    package static func search(
        _ query: CaseRepository.Query, overdue: Bool, actor: Staff, locations: [Location], in context: ServiceContext
    ) async throws -> ResultPage<ServiceCase> {
        let repo = CaseRepository(db: context.db)
        guard overdue else { return try await repo.search(query, actor: actor) }
        var query = query
        query.statuses = [.open, .waitingOnCustomer]
        let rules = try await SettingsStore(db: context.db).service()
        let clocks = Dictionary(locations.map { ($0.id, rules.caseClock(for: $0)) }, uniquingKeysWith: { a, _ in a })
        let now = context.now
        return try await repo.search(query, actor: actor) { serviceCase in
            guard let clock = serviceCase.locationID.flatMap({ clocks[$0] }) else { return false }
            return clock.status(of: serviceCase, now: now).resolution.state == .breached
        }
    }
}
