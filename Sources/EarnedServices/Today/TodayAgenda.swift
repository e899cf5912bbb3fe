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
    /// The team's overdue work per person (tasks, promises, cases and replies past their targets),
    /// counted in full; empty for a person's own agenda.
    package var overdueByPerson: [StaffID: Int]

    /// `locations` are the viewer's visible locations (their calendars and reply clocks). The
    /// team's agenda may be narrowed to one `person`'s work and to one kind of it (`only`); the
    /// overdue counts per person stay whole.
    package static func load(
        for me: Staff, locations: [Location], team: Bool, person: StaffID? = nil, only: AgendaItem.Source? = nil,
        in context: ServiceContext
    ) async throws -> TodayAgenda {
        let db = context.db
        let now = context.now
        let horizon = now.addingTimeInterval(86_400)
        let visible = me.visibleLocationIDs
        let whose = team ? person : me.id
        func wanted(_ source: AgendaItem.Source) -> Bool { only == nil || only == source }
        let taskStore = TaskRepository(db: db)
        let allTasks =
            wanted(.task) ? try await taskStore.open(assignee: whose, locations: team ? visible : nil) : []
        let promises =
            wanted(.promise)
            ? try await PromiseRepository(db: db).open(
                owner: whose, locations: team ? visible : nil, dueBefore: horizon) : []
        // The team's cases and contacts are read whole, for the overdue counts; a filter narrows
        // what is shown.
        let caseStore = CaseRepository(db: db)
        let everyCase: [ServiceCase] =
            team
            ? try await caseStore.list(locations: visible, activeOnly: true)
            : wanted(.serviceCase) ? try await caseStore.active(for: me.id) : []
        let contactStore = ContactRepository(db: db)
        let everyContact =
            team
            ? try await contactStore.unresolved(locations: visible)
            : wanted(.contact) ? try await contactStore.unresolved(locations: nil, owner: me.id) : []
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
        let caseItems = everyCase.map { c in
            let due = c.locationID.flatMap { caseClocks[$0] }.flatMap { $0.status(of: c, now: now).resolution.dueAt }
            return AgendaItem(
                source: .serviceCase, id: c.id.rawValue, dueAt: due, assigneeID: c.ownerID, customerID: c.customerID)
        }
        let clocks = ContactActions.clocks(locations, rules: rules)
        let contactItems = everyContact.map { c in
            AgendaItem(
                source: .contact, id: c.id.rawValue,
                dueAt: clocks[c.locationID]?.status(of: c, now: now).mostUrgent?.dueAt, assigneeID: c.ownerID,
                customerID: c.customerID)
        }
        // A case is on its owner's Today and on its holder's.
        let holders = Dictionary(
            everyCase.map { ($0.id.rawValue, $0.holder.staffID) }, uniquingKeysWith: { a, _ in a })
        func people(_ item: AgendaItem) -> Set<StaffID> {
            Set([item.assigneeID, holders[item.id] ?? nil].compactMap { $0 })
        }
        func shown(_ item: AgendaItem) -> Bool {
            wanted(item.source) && (person == nil || !team || people(item).contains(person!))
        }
        items += caseItems.filter(shown) + contactItems.filter(shown)
        let shownIDs = Set(items.map(\.id))
        let cases = everyCase.filter { shownIDs.contains($0.id.rawValue) }
        let contacts = everyContact.filter { shownIDs.contains($0.id.rawValue) }
        // Overdue per person, as each one's own Today counts it: tasks and promises (counted in
        // full by the store), and the cases and replies past their targets.
        var overdue = team ? try await taskStore.overdueCounts(locations: visible, now: now) : [:]
        if team {
            for item in caseItems + contactItems where item.isOverdue(at: now) {
                for who in people(item) { overdue[who, default: 0] += 1 }
            }
        }
        let staff = try await StaffRepository(db: db).list(actor: me)
        return TodayAgenda(
            items: AgendaItem.ordered(items, now: now), tasks: tasks, promises: promises, cases: cases,
            contacts: contacts, staff: staff, overdueByPerson: overdue)
    }
}
