import EarnedDomain
import Foundation

/// One after-sale step of the demo history — a `PlannedFollowUp` of a delivered order — and
/// what became of it.
struct DemoAfterSaleStep: Sendable {
    enum State: Sendable {
        /// Due in the last `DemoBusiness.openTaskWindow`: still on someone's Today.
        case open
        /// Closed without a contact, with the words recorded.
        case skipped(outcome: String)
        /// Carried out, with its outcome.
        case done(FollowUpOutcome)
    }

    var planned: PlannedFollowUp
    var order: Order
    var state: State
    var taskID: ServiceTaskID
    var closedAt: Date?
    var closedByID: StaffID?
    /// Whether a touch was made (a contact on a channel, not a handover in person).
    var touched: Bool

    /// The outcome when the step was carried out.
    var outcome: FollowUpOutcome? {
        if case .done(let outcome) = state { return outcome }
        return nil
    }
}
