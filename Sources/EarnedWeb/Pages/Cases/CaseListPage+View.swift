import EarnedDomain
import Foundation
import Plot

extension CaseListPage {
    var body: HTMLNode {
        let s = viewer.s
        let people = Dictionary(staff.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var choices: [ListViews.Choice] = [
            .init(
                name: "status", label: s.status, options: Self.statuses.map { ($0, s.caseListStatus($0)) },
                selected: params.status ?? "active", any: nil),
            .init(
                name: "person", label: s.personLabel,
                options: staff.filter(\.isActive).map { ($0.id.description, $0.name) }, selected: params.person,
                any: s.anyPerson),
        ]
        if viewer.locations.count > 1 {
            choices.append(
                .init(
                    name: "location", label: s.location, options: viewer.locationOptions, selected: params.location,
                    any: s.allLocations))
        }
        choices.append(
            .init(
                name: "kind", label: s.caseSourceLabel,
                options: ServiceCase.Source.allCases.map { ($0.rawValue, s.caseSourceName($0)) },
                selected: params.kind, any: s.anyKind))
        return H.group([
            Layout.pageHead(s.navCases, action: (SiteURL.newCase(customer: nil).path, s.newCase)),
            Forms.summary(errors, s),
            ListViews.filters(
                action: SiteURL.cases.path, params: params, choices: choices, dates: true,
                searchLabel: s.searchCustomer, errors: errors, s: s),
            ListViews.summary(
                total: page.total, orMore: page.totalIsLowerBound,
                excel: SiteURL.caseList(params.download("excel")).path,
                comma: SiteURL.caseList(params.download("comma")).path, s: s),
            page.items.isEmpty
                ? H.p("empty", s.noCases)
                : H.table(
                    headers: [s.caseTitle, s.customer, s.accountableOwner, s.holderLabel, s.priorityLabel, s.status],
                    rows: page.items.map { c in
                        [
                            H.a(SiteURL.serviceCase(c.id.rawValue).path, c.title),
                            H.text(names[c.customerID] ?? s.none), H.text(people[c.ownerID] ?? s.none),
                            H.text(CaseViews.holder(c.holder, people: people, s: s)),
                            H.text(s.priorityName(c.priority)), H.text(s.caseStatus(c.status)),
                        ]
                    }),
            ListViews.pager(
                first: params.cursor == nil ? nil : SiteURL.caseList(params.page(nil)).path,
                next: page.nextCursor.map { SiteURL.caseList(params.page($0)).path }, s: s),
        ])
    }
}
