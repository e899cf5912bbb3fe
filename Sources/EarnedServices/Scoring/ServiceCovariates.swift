import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation

/// The service each customer received, as the covariates of the lifetime model
/// (`ServiceEffects`): the share of their decided promises that failed (broken or kept late,
/// `PromiseOutcome.isFailed`, as the matching estimate counts them), and the share of
/// their answered contacts whose first reply was late — shares, not counts, so that a customer who
/// buys often (and so is promised more) is not counted as badly served for that alone — with
/// controls: whether they had any decided promise and any answered contact, and how many
/// (ln(1 + n)). Customers with such records are the engaged ones; without the first two a share of
/// 0 would mix "all kept" with "never promised anything", and the model credited late replies with
/// the loyalty of the customers who write to the shop at all (the 100,000-customer demo: dropout
/// ×0.44). Without the counts, extreme shares (0 or 1) belong to customers with one or two
/// records, who buy less, and a broken promise looked costly where nothing was planted.
package enum ServiceCovariates {
    package static let brokenPromises = "broken_promises"
    package static let lateReplies = "late_replies"
    package static let hadPromises = "had_promises"
    package static let hadContacts = "had_contacts"
    package static let promiseCount = "promises"
    package static let contactCount = "contacts"
    package static let names = [brokenPromises, lateReplies, hadPromises, hadContacts, promiseCount, contactCount]
    /// The covariates whose effects are shown and tested; the rest are controls.
    package static let tested = [brokenPromises, lateReplies]

    /// Per customer (indexed like `ScoreFacts.customerIDs`): the covariates, and for each the
    /// records behind it (decided promises, answered contacts) and how many of them failed.
    package struct Values {
        package var covariates: [[Double]]
        package var records: [[Int]]
        package var failures: [[Int]]
    }

    /// The covariates of every customer.
    package static func of(facts: ScoreFacts, replyStatus: [ContactID: ReplyClock.Result], now: Date) -> Values {
        var index: [CustomerID: Int] = [:]
        for (i, id) in facts.customerIDs.enumerated() { index[id] = i }
        var promises = [(decided: Int, failed: Int)](repeating: (0, 0), count: facts.customerIDs.count)
        for p in facts.promises {
            guard let i = index[p.customerID] else { continue }
            let outcome = p.outcome(at: now)
            guard outcome.isDecided else { continue }
            promises[i].decided += 1
            if outcome.isFailed { promises[i].failed += 1 }
        }
        var replies = [(answered: Int, late: Int)](repeating: (0, 0), count: facts.customerIDs.count)
        for c in facts.contacts {
            guard let customer = c.customerID, let i = index[customer],
                let state = replyStatus[c.id]?.firstResponse.state
            else { continue }
            guard state == .met || state == .missed else { continue }
            replies[i].answered += 1
            if state == .missed { replies[i].late += 1 }
        }
        let all = 0..<facts.customerIDs.count
        return Values(
            covariates: all.map { i in
                [
                    promises[i].decided > 0 ? Double(promises[i].failed) / Double(promises[i].decided) : 0,
                    replies[i].answered > 0 ? Double(replies[i].late) / Double(replies[i].answered) : 0,
                    promises[i].decided > 0 ? 1 : 0, replies[i].answered > 0 ? 1 : 0,
                    log1p(Double(promises[i].decided)), log1p(Double(replies[i].answered)),
                ]
            },
            records: all.map { [promises[$0].decided, replies[$0].answered, 0, 0, 0, 0] },
            failures: all.map { [promises[$0].failed, replies[$0].late, 0, 0, 0, 0] })
    }
}
