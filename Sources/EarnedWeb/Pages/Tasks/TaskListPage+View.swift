import EarnedDomain
import EarnedStore
import Foundation
import Plot

extension TaskListPage {
    var body: HTMLNode {
        let s = viewer.s
        let people = Dictionary(staff.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let tabs = H.el(
            "nav", [("class", "tabs"), ("aria-label", s.tasksTitle)],
            TaskRepository.Filter.allCases.map { f in
                var link = params.page(nil)
                link.status = f.rawValue
                return H.el(
                    "a", [("href", SiteURL.taskList(link).path), ("aria-current", f == filter ? "page" : nil)],
                    [H.text(s.taskFilter(f))])
            })
        var choices: [ListViews.Choice] = []
        if Policy.may(viewer.staff, .seeTeamWork) {
            choices.append(
                .init(
                    name: "person", label: s.personLabel,
                    options: staff.filter(\.isActive).map { ($0.id.description, $0.name) }, selected: params.person,
                    any: s.anyPerson))
        }
        if viewer.locations.count > 1 {
            choices.append(
                .init(
                    name: "location", label: s.location, options: viewer.locationOptions, selected: params.location,
                    any: s.allLocations))
        }
        choices.append(
            .init(
                name: "kind", label: s.kind,
                options: ServiceTask.Kind.allCases.map { ($0.rawValue, s.taskKind($0)) }, selected: params.kind,
                any: s.anyKind))
        let form = ListViews.filters(
            action: SiteURL.tasks.path, params: params, choices: choices, dates: true, searchLabel: s.searchCustomer,
            errors: errors, s: s, hidden: [("status", filter.rawValue)])
        return H.group([
            Layout.pageHead(s.tasksTitle, action: (SiteURL.newTask().path, s.newTask)),
            tabs,
            Forms.summary(errors, s),
            form,
            ListViews.summary(
                total: page.total, orMore: page.totalIsLowerBound,
                excel: SiteURL.taskList(params.download("excel")).path,
                comma: SiteURL.taskList(params.download("comma")).path, s: s),
            page.items.isEmpty ? H.p("empty", s.noTasksFound) : table(people, s),
            ListViews.pager(
                first: params.cursor == nil ? nil : SiteURL.taskList(params.page(nil)).path,
                next: page.nextCursor.map { SiteURL.taskList(params.page($0)).path }, s: s),
        ])
    }

    func table(_ people: [StaffID: String], _ s: Strings) -> HTMLNode {
        H.table(
            headers: [s.due, s.taskText, s.customer, s.assignee, s.location, s.status],
            rows: page.items.map { t in
                let late = t.status == .open && t.dueAt < now
                return [
                    H.text(viewer.dateTime(t.dueAt, at: t.locationID)),
                    H.a(SiteURL.task(t.id.rawValue).path, Self.what(t, s)),
                    t.customerID.map { H.a(SiteURL.customer($0.rawValue).path, names[$0] ?? s.customer) }
                        ?? H.text(s.none),
                    H.text(t.assigneeID.flatMap { people[$0] } ?? s.none),
                    H.text(viewer.locationName(t.locationID)),
                    H.badge(
                        late ? s.overdue : s.taskStatus(t.status),
                        tone: late ? "bad" : t.status == .done ? "good" : "neutral"),
                ]
            })
    }
}
