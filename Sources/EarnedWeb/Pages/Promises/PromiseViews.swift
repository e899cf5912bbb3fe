import EarnedDomain
import EarnedStore
import Foundation
import Plot

/// Pieces the promise pages and the customer page share: the promises table and the tone of an outcome.
enum PromiseViews {
    /// Promises as a table: what, to whom, who, due, outcome.
    static func table(
        _ promises: [Promise], viewer: ViewerContext, names: [CustomerID: String], people: [StaffID: String], now: Date
    ) -> HTMLNode {
        let s = viewer.s
        return H.table(
            headers: [s.promiseText, s.customer, s.ownerLabel, s.due, s.outcome],
            rows: promises.map { p in
                let outcome = p.outcome(at: now)
                return [
                    H.a(SiteURL.promise(p.id.rawValue).path, s.promiseKind(p.kind) + ": " + p.text),
                    H.text(names[p.customerID] ?? s.none), H.text(people[p.ownerID] ?? s.none),
                    H.text(viewer.dateTime(p.dueInForce, at: p.locationID)),
                    H.badge(s.promiseOutcome(outcome), tone: tone(outcome)),
                ]
            })
    }

    static func tone(_ outcome: PromiseOutcome) -> String {
        switch outcome {
        case .keptOnTime, .renegotiated: "good"
        case .late, .broken, .overdue: "bad"
        case .open: "neutral"
        }
    }

}
