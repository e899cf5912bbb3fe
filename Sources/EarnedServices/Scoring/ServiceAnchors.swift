import EarnedDomain
import EarnedStore
import Foundation

/// The moments a failure of service is measured from: each customer's first decided promise and
/// first answered contact (`ServiceMoment`, the domain's rule, which the demo plants by too). Both
/// estimates of what a failure costs start there — the matching estimate (`ServiceCost`) and the
/// lifetime model with the service as covariates (`ServiceCovariates`) — so that what the
/// customer bought before the moment cannot be caused by it, and what they bought after can be
/// compared between those let down and those not.
package struct ServiceAnchors {
    package var promises: [CustomerID: ServiceMoment] = [:]
    package var contacts: [CustomerID: ServiceMoment] = [:]

    /// The moments at or before `latest`, judged at `now`.
    package init(facts: ScoreFacts, replyStatus: [ContactID: ReplyClock.Result], now: Date, latest: Date) {
        for p in facts.promises where p.originalDueAt <= latest {
            ServiceMoment.keepFirst(.of(p, now: now), in: &promises[p.customerID])
        }
        for c in facts.contacts where c.receivedAt <= latest {
            guard let customer = c.customerID, let state = replyStatus[c.id]?.firstResponse.state else { continue }
            ServiceMoment.keepFirst(.of(c, firstReply: state), in: &contacts[customer])
        }
    }
}
