import EarnedDomain
import Testing

@Suite("a follow-up's summary")
struct FollowUpOutcomeSummaryTests {
    @Test(
        "reached or not, satisfied, referral, problem, note: in that order, a no marked",
        arguments: [
            (FollowUpOutcome(reached: false), "✗ Reached the customer"),
            (
                FollowUpOutcome(reached: true, satisfied: false, problem: "scratch", referralAsked: true, note: "ok"),
                "Reached the customer; ✗ Customer satisfied; Asked for a referral; "
                    + "Problem found (opens a case): scratch; ok"
            ),
            (FollowUpOutcome(reached: true, satisfied: true), "Reached the customer; Customer satisfied"),
        ])
    func summary(outcome: FollowUpOutcome, expected: String) {
        #expect(outcome.summary(.english) == expected)
    }
}
