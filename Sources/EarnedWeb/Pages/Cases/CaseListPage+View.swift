import EarnedDomain
import Foundation
import Plot

extension CaseListPage {
    var body: HTMLNode {
        let s = viewer.s
        let people = Dictionary(staff.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return H.group([
            Layout.pageHead(s.navCases, action: (SiteURL.newCase(customer: nil).path, s.newCase)),
            cases.isEmpty
                ? H.p("empty", s.noCases)
                : H.table(
                    headers: [s.caseTitle, s.customer, s.accountableOwner, s.holderLabel, s.priorityLabel],
                    rows: cases.map { c in
                        [
                            H.a(SiteURL.serviceCase(c.id.rawValue).path, c.title),
                            H.text(names[c.customerID] ?? s.none), H.text(people[c.ownerID] ?? s.none),
                            H.text(CaseViews.holder(c.holder, people: people, s: s)),
                            H.text(s.priorityName(c.priority)),
                        ]
                    }),
        ])
    }
}
