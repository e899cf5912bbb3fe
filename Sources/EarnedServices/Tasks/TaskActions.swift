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

    /// Closes an incident's outreach task with whether the customer was reached and when
    /// (`reachedAt`, default now; not in the future, not before the incident was found). Only a
    /// customer reached counts as told, at that time, so "told first" weighs the time they were
    /// reached against the time they got in touch themselves.
    @discardableResult
    package static func recordOutreach(
        _ id: ServiceTaskID, reached: Bool, reachedAt: Date?, note: String?, actor: Staff, in context: ServiceContext
    ) async throws -> ServiceTask {
        let now = context.now
        let tasks = TaskRepository(db: context.db)
        let task = try await tasks.get(id, actor: actor)
        guard task.kind == .outreach else { throw DomainError.conflict("not an incident's outreach task") }
        var v = Validator()
        let words = v.text("note", note, max: 500)
        let at = reachedAt ?? now
        let incident =
            try await task.subject.asyncMap { subject in
                subject.kind == .incident
                    ? try await IncidentRepository(db: context.db).get(IncidentID(subject.id), actor: actor).incident
                    : nil
            } ?? nil
        if reached, at > now.addingTimeInterval(300) {
            v.add("reached_at", .outOfRange, detail: "cannot be in the future")
        } else if reached, let found = incident?.foundAt, at < found {
            v.add("reached_at", .outOfRange, detail: "cannot be before the incident was found")
        }
        try v.check()
        let summary = (reached ? "reached" : "not reached") + (words.map { ": " + $0 } ?? "")
        return try await context.db.transaction { db in
            let closed = try await TaskRepository(db: db).close(
                id, as: .done, outcome: summary, actor: actor, now: now)
            if reached, let subject = task.subject, subject.kind == .incident, let customer = task.customerID {
                try await IncidentRepository(db: db).markTold(
                    incident: subject.id, customer: customer, at: min(at, now))
            }
            return closed
        }
    }

    /// Moves an open task's due time (`ServiceTask.snooze`).
    @discardableResult
    package static func snooze(_ id: ServiceTaskID, until: Date, actor: Staff, in context: ServiceContext)
        async throws -> ServiceTask
    {
        try await TaskRepository(db: context.db).change(id, actor: actor, now: context.now, summary: "snoozed") {
            (t) throws(DomainError) in try t.snooze(until: until, at: context.now)
        }
    }

    /// A task made by hand (`ServiceTask.manual`) for the actor or, by a manager, a colleague
    /// who works where the customer is (or at the colleague's own location). Someone away gets
    /// it through their cover.
    @discardableResult
    package static func makeByHand(
        text: String?, assignee: StaffID?, dueAt: Date?, customerID: CustomerID?, actor: Staff,
        in context: ServiceContext
    ) async throws -> ServiceTask {
        let db = context.db
        let assignee = assignee ?? actor.id
        var location: LocationID?
        if let customerID {
            location = try await CustomerRepository(db: db).get(customerID, actor: actor).homeLocationID
        }
        if assignee != actor.id {
            guard Policy.may(actor, .changeOthersWork) else {
                throw DomainError.forbidden("only a manager makes tasks for others")
            }
            let person = try await StaffRepository(db: db).find(assignee)
            try await WorkActions.requireColleague(
                assignee, at: location ?? person?.homeLocationID, actor: actor, on: db, field: "assignee_id")
        }
        if location == nil { location = try await StaffRepository(db: db).find(assignee)?.homeLocationID }
        var task = try ServiceTask.manual(
            text: text, assignee: assignee, dueAt: dueAt, customerID: customerID, locationID: location,
            now: context.now)
        if let cover = try await AbsenceRepository(db: db).covers(now: context.now)[assignee] {
            task.assigneeID = cover
        }
        return try await TaskRepository(db: db).createByHand(task, actor: actor, now: context.now)
    }
}
