import EarnedDomain
import EarnedServices
import EarnedStore
import Plot
import Vapor

/// A person's Today (or, for a manager, the team's): tasks, promises due, cases and replies
/// waiting, overdue first, then by time left; each task closed in one or two clicks.
struct TodayPage {
    var viewer: ViewerContext
    var team: Bool
    var now: Date
    var items: [AgendaItem]
    var tasks: [UUID: ServiceTask]
    var promises: [UUID: Promise]
    var cases: [UUID: ServiceCase]
    var contacts: [UUID: InboundContact]
    var customerNames: [CustomerID: String]
    var staffNames: [StaffID: String]
    /// The team's overdue work per person, counted in full (the list shows a page of it).
    var overdueByPerson: [StaffID: Int] = [:]

    /// The agenda comes from the service (`TodayAgenda`); the page adds the customers' names.
    static func load(_ req: Request, viewer: ViewerContext, team: Bool) async throws -> TodayPage {
        let context = req.serviceContext
        let agenda = try await TodayAgenda.load(
            for: viewer.staff, locations: viewer.locations, team: team, in: context)
        let names = try await req.customers.names(agenda.items.compactMap(\.customerID), s: viewer.s)
        return TodayPage(
            viewer: viewer, team: team, now: context.now, items: agenda.items,
            tasks: Dictionary(uniqueKeysWithValues: agenda.tasks.map { ($0.id.rawValue, $0) }),
            promises: Dictionary(uniqueKeysWithValues: agenda.promises.map { ($0.id.rawValue, $0) }),
            cases: Dictionary(uniqueKeysWithValues: agenda.cases.map { ($0.id.rawValue, $0) }),
            contacts: Dictionary(uniqueKeysWithValues: agenda.contacts.map { ($0.id.rawValue, $0) }),
            customerNames: names,
            staffNames: Dictionary(agenda.staff.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
            overdueByPerson: agenda.overdueByPerson)
    }
}
