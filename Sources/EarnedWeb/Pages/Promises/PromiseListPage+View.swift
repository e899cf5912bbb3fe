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
                H.el(
                    "a",
                    [
                        ("href", SiteURL.promises(filter: f.rawValue).path),
                        ("aria-current", f == filter ? "page" : nil),
                    ],
                    [H.text(s.promiseFilter(f))])
            })
        return H.group([
            Layout.pageHead(s.promisesTitle, action: (SiteURL.newPromise(customer: nil).path, s.newPromise)),
            tabs,
            H.el("p", [], [H.a(SiteURL.onTime(by: nil).path, s.onTimeTitle + " →")]),
            promises.isEmpty
                ? H.p("empty", s.noPromises)
                : PromiseViews.table(promises, viewer: viewer, names: names, people: people, now: now),
        ])
    }
}
