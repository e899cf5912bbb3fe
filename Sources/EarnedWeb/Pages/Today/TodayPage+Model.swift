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
    /// The team's agenda: whose work and which kind it shows, the page, and how many items in all.
    var person: StaffID? = nil
    var only: AgendaItem.Source? = nil
    var page = 1
    var total = 0
    var errors: [FieldError] = []
    /// Everyone whose work the team's agenda may show, for its filter.
    var people: [Staff] = []

    /// How many items a page of the team's agenda shows.
    static let teamPageSize = 50
    /// How many items a page of a person's own Today shows: a busy day whole (new work must not
    /// slip to a second page behind a few dozen overdue items), but not a backlog of hundreds.
    static let ownPageSize = 100

    /// Items a page of this agenda shows.
    static func pageSize(team: Bool) -> Int { team ? teamPageSize : ownPageSize }

    /// The agenda comes from the service (`TodayAgenda`); the page adds the customers' names. The
    /// agenda is shown a page at a time (`pageSize(team:)`), most urgent first; the team's of one
    /// person's work or one kind if asked.
    static func load(_ req: Request, viewer: ViewerContext, team: Bool) async throws -> TodayPage {
        let context = req.serviceContext
        var errors: [FieldError] = []
        var person: StaffID?
        var only: AgendaItem.Source?
        var page = 1
        if team {
            if let raw = req.query[String.self, at: "person"], !raw.isEmpty {
                person = StaffID(string: raw)
                if person == nil { errors.append(FieldError(field: "person", code: .unknownReference)) }
            }
            if let raw = req.query[String.self, at: "kind"], !raw.isEmpty {
                only = AgendaItem.Source(rawValue: raw)
                if only == nil { errors.append(FieldError(field: "kind", code: .invalidChoice)) }
            }
        }
        page = try req.pageNumber()
        let agenda = try await TodayAgenda.load(
            for: viewer.staff, locations: viewer.locations, team: team, person: person, only: only, in: context)
        var items = agenda.items
        let total = items.count
        let size = pageSize(team: team)
        let start = min(items.count, (page - 1) * size)
        items = Array(items[start..<min(items.count, start + size)])
        let names = try await req.customers.names(items.compactMap(\.customerID), s: viewer.s)
        return TodayPage(
            viewer: viewer, team: team, now: context.now, items: items,
            tasks: Dictionary(uniqueKeysWithValues: agenda.tasks.map { ($0.id.rawValue, $0) }),
            promises: Dictionary(uniqueKeysWithValues: agenda.promises.map { ($0.id.rawValue, $0) }),
            cases: Dictionary(uniqueKeysWithValues: agenda.cases.map { ($0.id.rawValue, $0) }),
            contacts: Dictionary(uniqueKeysWithValues: agenda.contacts.map { ($0.id.rawValue, $0) }),
            customerNames: names,
            staffNames: Dictionary(agenda.staff.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
            overdueByPerson: agenda.overdueByPerson, person: person, only: only, page: page, total: total,
            errors: errors, people: team ? agenda.staff.filter(\.isActive) : [])
    }
}
