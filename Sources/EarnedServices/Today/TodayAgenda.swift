import EarnedDomain
import EarnedStore
import Foundation

/// A person's Today (or, for a manager, the team's): open tasks, promises due within a day,
/// active cases and contacts waiting for a reply, as one agenda ordered overdue first, then by
/// time left. Cases count by their resolution target, contacts by their most urgent reply target.
package struct TodayAgenda: Sendable {
    package var items: [AgendaItem]
    package var tasks: [ServiceTask]
    package var promises: [Promise]
    package var cases: [ServiceCase]
    package var contacts: [InboundContact]
    /// Everyone the viewer may see, for the names of assignees.
    package var staff: [Staff]
    /// The team's overdue tasks per person, counted in full; empty for a person's own agenda.
    package var overdueByPerson: [StaffID: Int]

    /// `locations` are the viewer's visible locations (their calendars and reply clocks).
    package static func load(for me: Staff, locations: [Location], team: Bool, in context: ServiceContext)
        async throws -> TodayAgenda
    {
        let db = context.db
        let now = context.now
        let horizon = now.addingTimeInterval(86_400)
        let visible = me.visibleLocationIDs
        let taskStore = TaskRepository(db: db)
        let allTasks = try await taskStore.open(assignee: team ? nil : me.id, locations: team ? visible : nil)
        let promises = try await PromiseRepository(db: db).open(
            owner: team ? nil : me.id, locations: team ? visible : nil, dueBefore: horizon)
        let caseStore = CaseRepository(db: db)
        let cases =
            team
            ? try await caseStore.list(locations: visible, activeOnly: true)
            : try await caseStore.active(for: me.id)
        // A promise on the agenda is shown (and kept) as itself, not again as its reminder.
        let shownPromises = Set(promises.map(\.id.rawValue))
        let tasks = allTasks.filter { task in
            !(task.kind == .promiseReminder && task.subject.map { shownPromises.contains($0.id) } == true)
        }
        var items: [AgendaItem] = []
        items += tasks.map {
            AgendaItem(
                source: .task, id: $0.id.rawValue, dueAt: $0.dueAt, assigneeID: $0.assigneeID,
                customerID: $0.customerID)
        }
        items += promises.map {
            AgendaItem(
                source: .promise, id: $0.id.rawValue, dueAt: $0.dueAt, assigneeID: $0.ownerID,
                customerID: $0.customerID)
        }
        let rules = try await SettingsStore(db: db).service()
        let caseClocks = Dictionary(uniqueKeysWithValues: locations.map { ($0.id, rules.caseClock(for: $0)) })
        items += cases.map { c in
            let due = c.locationID.flatMap { caseClocks[$0] }.flatMap { $0.status(of: c, now: now).resolution.dueAt }
            return AgendaItem(
                source: .serviceCase, id: c.id.rawValue, dueAt: due, assigneeID: c.ownerID, customerID: c.customerID)
        }
        let contactStore = ContactRepository(db: db)
        let contacts =
            team
            ? try await contactStore.unresolved(locations: visible)
            : try await contactStore.unresolved(locations: nil, owner: me.id)
        let clocks = ContactActions.clocks(locations, rules: rules)
        items += contacts.map { c in
            AgendaItem(
                source: .contact, id: c.id.rawValue,
                dueAt: clocks[c.locationID]?.status(of: c, now: now).mostUrgent?.dueAt, assigneeID: c.ownerID,
                customerID: c.customerID)
        }
        let overdue = team ? try await taskStore.overdueCounts(locations: visible, now: now) : [:]
        let staff = try await StaffRepository(db: db).list(actor: me)
        return TodayAgenda(
            items: AgendaItem.ordered(items, now: now), tasks: tasks, promises: promises, cases: cases,
            contacts: contacts, staff: staff, overdueByPerson: overdue)
    }
}
