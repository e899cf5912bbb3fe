import EarnedDomain
import FluentKit
import Foundation

/// The scheduler's tasks: created once by key, listed for a person's or a team's agenda,
/// closed with an outcome. Every read and write checks the actor may see the task's location.
public struct TaskRepository: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    /// Creates the tasks whose keys are new; returns the ones created by this call. With
    /// `announceAt`, each created task is told to webhook subscribers (task.created).
    public func createNew(_ tasks: [ServiceTask], announceAt now: Date? = nil) async throws -> [ServiceTask] {
        let ids = try await TaskQueries.insertNew(tasks, on: db)
        let created = tasks.filter { ids.contains($0.id.rawValue) }
        if let now {
            let hooks = WebhookStore(db: db)
            for task in created { try await hooks.publish(.taskCreated(task, at: now), now: now) }
        }
        return created
    }

    /// The keys among `keys` that already have a task.
    public func existingKeys(_ keys: [String]) async throws -> Set<String> {
        var found = Set<String>()
        for start in stride(from: 0, to: keys.count, by: 500) {
            let batch = Array(keys[start..<min(start + 500, keys.count)])
            for record in try await ServiceTaskRecord.query(on: db).filter(\.$key ~~ batch).field(\.$key).all() {
                found.insert(record.key)
            }
        }
        return found
    }

    /// Open tasks assigned to a person, or, for a manager's view, open tasks in locations.
    public func open(
        assignee: StaffID? = nil, locations: Set<LocationID>? = nil, dueBefore: Date? = nil, limit: Int = 500
    ) async throws -> [ServiceTask] {
        let q = ServiceTaskRecord.query(on: db).filter(\.$status == ServiceTask.Status.open.rawValue)
        if let assignee { q.filter(\.$assigneeID == assignee.rawValue) }
        if let locations { q.filter(\.$locationID ~~ locations.map(\.rawValue)) }
        if let dueBefore { q.filter(\.$dueAt < dueBefore) }
        return try await q.sort(\.$dueAt).limit(limit).all().map(\.domain)
    }

    /// Open tasks of `kinds` made at or after `since`, with someone to do them: the new work the
    /// scheduler tells people of.
    public func created(kinds: [ServiceTask.Kind], since: Date, limit: Int = 500) async throws -> [ServiceTask] {
        try await ServiceTaskRecord.query(on: db).filter(\.$kind ~~ kinds.map(\.rawValue))
            .filter(\.$createdAt >= since).filter(\.$status == ServiceTask.Status.open.rawValue)
            .filter(\.$assigneeID != nil).sort(\.$createdAt).limit(limit).all().map(\.domain)
    }

    /// How many open tasks and open promises each person has past due, in locations (nil: all):
    /// the whole count, not a page of it.
    public func overdueCounts(locations: Set<LocationID>?, now: Date) async throws -> [StaffID: Int] {
        try await TaskQueries.overdueCounts(locations: locations, now: now, on: db)
    }

    /// Changes one open task by a rule (reassign, snooze) and records it in the audit log. The
    /// assignee changes their own; a manager any in their locations.
    @discardableResult
    public func change(
        _ id: ServiceTaskID, actor: Staff, now: Date, summary: String,
        _ rule: (inout ServiceTask) throws(DomainError) -> Void
    ) async throws -> ServiceTask {
        let record = try await visibleRecord(id, actor: actor)
        var task = record.domain
        if !Policy.mayChange(actor, workHeldBy: task.assigneeID) {
            throw DomainError.forbidden("only the person it is assigned to, or a manager, may change this task")
        }
        try rule(&task)
        record.apply(task)
        try await db.transaction { db in
            try await record.update(on: db)
            try await AuditLog(db: db).record(.updated, "task", id.rawValue, by: actor, summary: summary, at: now)
        }
        return task
    }

    /// Records a task made by hand, for the actor or (a manager) for someone else.
    public func createByHand(_ task: ServiceTask, actor: Staff, now: Date) async throws -> ServiceTask {
        if !Policy.mayChange(actor, workHeldBy: task.assigneeID) {
            throw DomainError.forbidden("only a manager makes tasks for others")
        }
        try await db.transaction { db in
            _ = try await TaskQueries.insertNew([task], on: db)
            try await WebhookStore(db: db).publish(.taskCreated(task, at: now), now: now)
            try await AuditLog(db: db).record(
                .created, "task", task.id.rawValue, by: actor, summary: "task made by hand", at: now)
        }
        return task
    }

    /// Every task about one record (an order's handover and follow-ups), oldest due first.
    public func about(_ subject: ServiceTask.Subject) async throws -> [ServiceTask] {
        try await ServiceTaskRecord.query(on: db).filter(\.$subjectKind == subject.kind.rawValue)
            .filter(\.$subjectID == subject.id).sort(\.$dueAt).all().map(\.domain)
    }

    /// Skips the open tasks about one record, with `outcome` as why: what is left of an order's
    /// after-sale steps when it is cancelled or returned. Returns how many it closed.
    @discardableResult
    public func skipOpen(about subject: ServiceTask.Subject, outcome: String, actor: Staff, now: Date) async throws
        -> Int
    {
        var closed = 0
        for record in try await ServiceTaskRecord.query(on: db).filter(\.$subjectKind == subject.kind.rawValue)
            .filter(\.$subjectID == subject.id).filter(\.$status == ServiceTask.Status.open.rawValue).all()
        {
            var task = record.domain
            try task.close(as: .skipped, outcome: outcome, by: actor.id, at: now)
            record.apply(task)
            try await record.update(on: db)
            closed += 1
        }
        return closed
    }

    /// The customers who have a greeting task for the local `date` (its key ends in the date),
    /// whatever became of it: one greeting a customer a day.
    public func greetedCustomers(on date: LocalDate) async throws -> Set<CustomerID> {
        let records = try await ServiceTaskRecord.query(on: db)
            .filter(\.$kind == ServiceTask.Kind.greeting.rawValue).filter(\.$key =~ "greeting:")
            .filter(\.$key ~= ":\(date)").field(\.$customerID).all()
        return Set(records.compactMap { $0.customerID.map(CustomerID.init) })
    }

    /// The tasks with these keys.
    public func withKeys(_ keys: [String]) async throws -> [ServiceTask] {
        var found: [ServiceTask] = []
        for start in stride(from: 0, to: keys.count, by: 500) {
            let batch = Array(keys[start..<min(start + 500, keys.count)])
            found += try await ServiceTaskRecord.query(on: db).filter(\.$key ~~ batch).all().map(\.domain)
        }
        return found
    }

    public func withKey(_ key: String) async throws -> ServiceTask? {
        try await ServiceTaskRecord.query(on: db).filter(\.$key == key).first()?.domain
    }

    /// A task the actor may see: their own, or one in their locations.
    public func get(_ id: ServiceTaskID, actor: Staff) async throws -> ServiceTask {
        try await visibleRecord(id, actor: actor).domain
    }

    func visibleRecord(_ id: ServiceTaskID, actor: Staff) async throws -> ServiceTaskRecord {
        guard let record = try await ServiceTaskRecord.find(id.rawValue, on: db),
            record.assigneeID == actor.id.rawValue || actor.canSee(location: record.locationID.map(LocationID.init))
        else { throw DomainError.notFound("task") }
        return record
    }

    /// Closes a task as done or skipped. Staff close their own tasks; managers and owners
    /// any task in their locations.
    @discardableResult
    public func close(
        _ id: ServiceTaskID, as status: ServiceTask.Status, outcome: String?, actor: Staff, now: Date
    ) async throws -> ServiceTask {
        let record = try await visibleRecord(id, actor: actor)
        var task = record.domain
        if !Policy.mayChange(actor, workHeldBy: task.assigneeID) {
            throw DomainError.forbidden("only the person it is assigned to, or a manager, may close this task")
        }
        try task.close(as: status, outcome: outcome, by: actor.id, at: now)
        record.apply(task)
        try await record.update(on: db)
        return task
    }

}

extension WebhookEvent {
    /// The event subscribers get for a new task.
    public static func taskCreated(_ task: ServiceTask, at now: Date) -> WebhookEvent {
        WebhookEvent(
            key: "task.created:\(task.key)", kind: .taskCreated, occurredAt: now,
            data: [
                "task_id": task.id.description, "task_key": task.key, "kind": task.kind.rawValue,
                "assignee_id": task.assigneeID?.description ?? "", "customer_id": task.customerID?.description ?? "",
                "due_at": task.dueAt.formatted(.iso8601),
            ])
    }
}
