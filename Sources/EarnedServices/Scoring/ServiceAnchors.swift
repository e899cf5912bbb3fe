import EarnedDomain
import EarnedStore
import Foundation

/// The moments a failure of service is measured from: each customer's first decided promise (by
/// its original due time: kept on time, or failed — broken or kept late, `PromiseOutcome.isFailed`)
/// and first answered contact (by when it came in: answered within its target, or late). Both
/// estimates of what a failure costs start there — the matching estimate (`ServiceCost`) and the
/// lifetime model with the service as covariates (`ServiceCovariates`) — so that what the
/// customer bought before the moment cannot be caused by it, and what they bought after can be
/// compared between those let down and those not.
package struct ServiceAnchors {
    package struct Anchor: Sendable, Hashable {
        package var at: Date
        package var failed: Bool
    }

    package var promises: [CustomerID: Anchor] = [:]
    package var contacts: [CustomerID: Anchor] = [:]

    /// The anchors at or before `latest`, judged at `now`.
    package init(facts: ScoreFacts, replyStatus: [ContactID: ReplyClock.Result], now: Date, latest: Date) {
        for p in facts.promises where p.originalDueAt <= latest {
            let outcome = p.outcome(at: now)
            guard outcome.isDecided else { continue }
            if let seen = promises[p.customerID], seen.at <= p.originalDueAt { continue }
            promises[p.customerID] = Anchor(at: p.originalDueAt, failed: outcome.isFailed)
        }
        for c in facts.contacts where c.receivedAt <= latest {
            guard let customer = c.customerID, let state = replyStatus[c.id]?.firstResponse.state,
                state == .met || state == .missed
            else { continue }
            if let seen = contacts[customer], seen.at <= c.receivedAt { continue }
            contacts[customer] = Anchor(at: c.receivedAt, failed: state == .missed)
        }
    }
}
