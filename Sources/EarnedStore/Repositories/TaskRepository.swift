import EarnedDomain
import FluentKit
import Foundation

/// The scheduler's tasks: created once by key, listed for a person's or a team's agenda,
/// closed with an outcome. Every read and write checks the actor may see the task's location.
public struct TaskRepository: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    /// Creates the tasks whose keys are new; returns the ones created by this call.
    public func createNew(_ tasks: [ServiceTask]) async throws -> [ServiceTask] {
        let created = try await TaskQueries.insertNew(tasks, on: db)
        return tasks.filter { created.contains($0.id.rawValue) }
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

    public func forCustomer(_ id: CustomerID, limit: Int = 200) async throws -> [ServiceTask] {
        try await ServiceTaskRecord.query(on: db).filter(\.$customerID == id.rawValue).sort(\.$dueAt, .descending)
            .limit(limit).all().map(\.domain)
    }

    public func withKey(_ key: String) async throws -> ServiceTask? {
        try await ServiceTaskRecord.query(on: db).filter(\.$key == key).first()?.domain
    }

    /// A task the actor may see: their own, or one in their locations.
    public func get(_ id: ServiceTaskID, actor: Staff) async throws -> ServiceTask {
        guard let task = try await ServiceTaskRecord.find(id.rawValue, on: db)?.domain,
            task.assigneeID == actor.id || actor.canSee(location: task.locationID)
        else { throw DomainError.notFound("task") }
        return task
    }

    /// Closes a task as done or skipped. Staff close their own tasks; managers and owners
    /// any task in their locations.
    @discardableResult
    public func close(
        _ id: ServiceTaskID, as status: ServiceTask.Status, outcome: String?, actor: Staff, now: Date
    ) async throws -> ServiceTask {
        var task = try await get(id, actor: actor)
        if task.assigneeID != actor.id, actor.role < .manager {
            throw DomainError.forbidden("only the person it is assigned to, or a manager, may close this task")
        }
        try task.close(as: status, outcome: outcome, by: actor.id, at: now)
        guard let record = try await ServiceTaskRecord.find(id.rawValue, on: db) else {
            throw DomainError.notFound("task")
        }
        // Closing is conditional on the task still being open, so two clicks close it once.
        guard record.status == ServiceTask.Status.open.rawValue else {
            throw DomainError.conflict("this task is already closed")
        }
        record.apply(task)
        try await record.update(on: db)
        return task
    }

    /// Closes every open task with these keys (the thing they were for was done another way).
    public func closeOpen(keys: [String], outcome: String, by staff: StaffID?, now: Date) async throws {
        guard !keys.isEmpty else { return }
        try await ServiceTaskRecord.query(on: db).filter(\.$key ~~ keys)
            .filter(\.$status == ServiceTask.Status.open.rawValue)
            .set(\.$status, to: ServiceTask.Status.done.rawValue).set(\.$completedAt, to: now)
            .set(\.$completedByID, to: staff?.rawValue).set(\.$outcome, to: outcome).set(\.$updatedAt, to: now)
            .update()
    }

    public func count(status: ServiceTask.Status? = nil) async throws -> Int {
        let q = ServiceTaskRecord.query(on: db)
        if let status { q.filter(\.$status == status.rawValue) }
        return try await q.count()
    }
}
