import Foundation
import Testing

@testable import EarnedDomain

@Suite("Follow-up outcomes")
struct FollowUpOutcomeTests {
    static let cases: [(FollowUpOutcomeDraft, [String])] = [
        (FollowUpOutcomeDraft(), ["reached"]),
        (FollowUpOutcomeDraft(reached: false), []),
        (FollowUpOutcomeDraft(reached: true), []),
        (FollowUpOutcomeDraft(reached: true, satisfied: true, referralAsked: true), []),
        (FollowUpOutcomeDraft(reached: true, satisfied: false, problem: "the door squeaks"), []),
        (FollowUpOutcomeDraft(reached: false, satisfied: true), ["satisfied"]),
        (FollowUpOutcomeDraft(reached: false, satisfied: false), ["satisfied"]),
        (FollowUpOutcomeDraft(reached: false, problem: "the door squeaks"), ["problem"]),
        (FollowUpOutcomeDraft(reached: false, problem: "   "), []),
        (FollowUpOutcomeDraft(reached: true, satisfied: false, referralAsked: true), ["referral_asked"]),
        (FollowUpOutcomeDraft(reached: true, referralAsked: true), ["referral_asked"]),
        (FollowUpOutcomeDraft(reached: false, referralAsked: true), ["referral_asked"]),
        (FollowUpOutcomeDraft(reached: true, satisfied: true, referralAsked: false), []),
        (
            FollowUpOutcomeDraft(satisfied: false, problem: "x", referralAsked: true),
            ["reached", "satisfied", "problem", "referral_asked"]
        ),
        (FollowUpOutcomeDraft(reached: true, note: String(repeating: "x", count: 2001)), ["note"]),
        (FollowUpOutcomeDraft(reached: true, problem: String(repeating: "x", count: 2001)), ["problem"]),
    ]

    @Test("validation", arguments: cases)
    func validation(_ draft: FollowUpOutcomeDraft, _ expected: [String]) {
        let fields = PromiseFixture.invalidFields { _ = try draft.validated() }
        #expect(fields == (expected.isEmpty ? nil : expected))
    }

    @Test("a problem found opens a case; texts are trimmed and empty ones dropped")
    func problemOpensCase() throws {
        let problem = try FollowUpOutcomeDraft(
            reached: true, satisfied: false, problem: "  scratched door  ", note: "  will send photos "
        ).validated()
        #expect(problem.problem == "scratched door" && problem.opensCase)
        #expect(problem.note == "will send photos")
        #expect(!problem.referralAsked)
        let fine = try FollowUpOutcomeDraft(reached: true, satisfied: true, problem: " ", referralAsked: true)
            .validated()
        #expect(fine.problem == nil && !fine.opensCase && fine.referralAsked && fine.satisfied == true)
    }

    @Test("the referral refusal names the field and why")
    func referralReason() {
        do {
            _ = try FollowUpOutcomeDraft(reached: true, satisfied: false, referralAsked: true).validated()
            Issue.record("expected a refusal")
        } catch {
            guard case .invalid(let errors) = error else {
                Issue.record("expected invalid")
                return
            }
            #expect(errors.map(\.code) == [.inconsistent])
            #expect(errors.first?.reason.contains("satisfied") == true)
        }
    }
}
