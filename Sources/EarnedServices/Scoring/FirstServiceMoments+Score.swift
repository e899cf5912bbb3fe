import EarnedDomain
import EarnedStore
import Foundation

extension FirstServiceMoments {
    /// The moments of the score's facts, judged at `now`, contacts by the reply status the
    /// service observations found. Both estimates of what a failure costs start there — the
    /// matching estimate (`ServiceCost`) and the lifetime model with the service as covariates
    /// (`ServiceCovariates`) — so that what the customer bought before the moment cannot be caused
    /// by it, and what they bought after can be compared between those let down and those not.
    package init(facts: ScoreFacts, replyStatus: [ContactID: ReplyClock.Result], now: Date) {
        self.init(promises: facts.promises, contacts: facts.contacts, now: now) {
            replyStatus[$0.id]?.firstResponse.state
        }
    }
}
