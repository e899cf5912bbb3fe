import EarnedDomain
import EarnedStore
import Foundation
import Plot

extension PromiseListPage {
    var body: HTMLNode {
        let s = viewer.s
        let people = Dictionary(staff.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let tabs = H.el(
            "nav", [("class", "tabs"), ("aria-label", s.promisesTitle)],
            PromiseRepository.Filter.allCases.map { f in
                var link = params.page(nil)
                link.status = f.rawValue
                return H.el(
                    "a",
                    [("href", SiteURL.promiseList(link).path), ("aria-current", f == filter ? "page" : nil)],
                    [H.text(s.promiseFilter(f))])
            })
        let team = Policy.may(viewer.staff, .seeTeamWork)
        var choices: [ListViews.Choice] = []
        if team {
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
                name: "kind", label: s.promiseKindLabel,
                options: Promise.Kind.allCases.map { ($0.rawValue, s.promiseKind($0)) }, selected: params.kind,
                any: s.anyKind))
        // The tab chosen stays with the filters.
        let form = ListViews.filters(
            action: SiteURL.promises(filter: nil).path, params: params, choices: choices, dates: true,
            searchLabel: s.searchCustomer, errors: errors, s: s, hidden: [("status", filter.rawValue)])
        return H.group([
            Layout.pageHead(s.promisesTitle, action: (SiteURL.newPromise(customer: nil).path, s.newPromise)),
            tabs,
            H.el("p", [], [H.a(SiteURL.onTime(by: nil).path, s.onTimeTitle + " →")]),
            Forms.summary(errors, s),
            form,
            ListViews.summary(
                total: page.total, orMore: page.totalIsLowerBound,
                excel: SiteURL.promiseList(params.download("excel")).path,
                comma: SiteURL.promiseList(params.download("comma")).path, s: s),
            page.items.isEmpty
                ? H.p("empty", s.noPromises)
                : PromiseViews.table(page.items, viewer: viewer, names: names, people: people, now: now),
            ListViews.pager(
                first: params.cursor == nil ? nil : SiteURL.promiseList(params.page(nil)).path,
                next: page.nextCursor.map { SiteURL.promiseList(params.page($0)).path }, s: s),
        ])
    }
}
