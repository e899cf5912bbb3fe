import EarnedDomain
import EarnedStore

extension DemoServiceWriter {
    /// Writes one part of the demo's service history through the store's bulk writer, which
    /// takes domain values only (its SQL stays in EarnedStore/Queries).
    public func write(_ history: DemoServiceHistory) async throws {
        try await write(
            incidents: history.incidents,
            outreach: history.outreach.map { (incidentID: $0.incidentID, result: $0.result) },
            cases: history.cases, contacts: history.contacts, promises: history.promises, tasks: history.tasks,
            touches: history.touches.map { (customerID: $0.customerID, touch: $0.touch, taskKey: $0.taskKey) },
            referrals: history.referrals)
    }

    /// Writes one part of the demo's survey history: invitations, their touches, and the answers.
    public func write(_ history: DemoSurveyHistory) async throws {
        try await write(
            invitations: history.invitations, answers: history.answers,
            touches: history.touches.map { (customerID: $0.customerID, touch: $0.touch, taskKey: $0.taskKey) })
    }
}
