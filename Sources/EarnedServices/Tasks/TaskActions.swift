import EarnedDomain
import EarnedStore
import Foundation

/// What closing an after-sale task does beyond closing it, the same from the page and the API.
package enum TaskActions {
    /// Closes a follow-up or handover task with its outcome, `summary` as its outcome text. A
    /// problem found opens a case for the customer, linked to what the task was about (the
    /// order); a follow-up that reached the customer counts against their contact budget.
    @discardableResult
    package static func recordFollowUp(
        _ id: ServiceTaskID, outcome: FollowUpOutcome, summary: String, actor: Staff, in context: ServiceContext
    ) async throws -> ServiceTask {
        let tasks = TaskRepository(db: context.db)
        let now = context.now
        let task = try await tasks.get(id, actor: actor)
        if let problem = outcome.problem, let customer = task.customerID {
            _ = try await CaseRepository(db: context.db).open(
                ServiceCaseDraft(
                    customerID: customer, locationID: task.locationID, title: String(problem.prefix(200)),
                    detail: problem, source: .followUp, link: task.subject?.id), actor: actor, now: now)
        }
        let closed = try await tasks.close(id, as: .done, outcome: summary, actor: actor, now: now)
        if outcome.reached, task.kind == .followUp, let customer = task.customerID {
            try await TouchRepository(db: context.db).record([(customer, Touch(at: now, kind: .followUp), task.key)])
        }
        return closed
    }
}
