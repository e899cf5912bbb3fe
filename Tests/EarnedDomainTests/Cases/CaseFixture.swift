import Foundation

@testable import EarnedDomain

/// A service case opened at a fixed instant by fixed people.
enum CaseFixture {
    static let owner = StaffID(UUID(uuid: (2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)))
    static let colleague = StaffID(UUID(uuid: (2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2)))
    static let technician = StaffID(UUID(uuid: (2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3)))
    static let customer = CustomerID(UUID(uuid: (3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)))
    /// Tuesday 2026-03-10, 09:00 in Moscow.
    static let opened = ClockFixture.utc("2026-03-10T06:00:00Z")

    static func at(hours: Double) -> Date { opened.addingTimeInterval(hours * 3600) }

    /// An open case owned by `owner`, held by the "Service" desk and the owner.
    static func open(priority: Priority = .normal, at openedAt: Date = opened) -> ServiceCase {
        let draft = ServiceCaseDraft(
            customerID: customer, title: "Coffee machine leaks", detail: "Bought last week, leaks from the base.",
            source: .complaint, ownerID: owner, department: "Service", priority: priority, openedAt: openedAt,
            openedByID: colleague)
        return try! draft.validated(id: CaseID(), now: openedAt)
    }

    static func action(
        _ kind: CorrectiveAction.Kind = .replace, cost: Int64 = 0, currency: String = "RUB", at: Date
    ) -> CorrectiveAction {
        CorrectiveAction(kind: kind, costMinorUnits: cost, currency: currency, at: at, byID: owner)
    }
}
