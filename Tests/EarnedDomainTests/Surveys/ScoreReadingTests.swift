import Foundation
import Testing

@testable import EarnedDomain

@Suite("What one NPS or CSAT answer says")
struct ScoreReadingTests {
    @Test("NPS: 9–10 promoter, 7–8 passive, 0–6 detractor, nothing outside 0–10")
    func promoterGroups() {
        #expect((0...6).allSatisfy { PromoterGroup(nps: $0) == .detractor })
        #expect((7...8).allSatisfy { PromoterGroup(nps: $0) == .passive })
        #expect((9...10).allSatisfy { PromoterGroup(nps: $0) == .promoter })
        #expect(PromoterGroup(nps: -1) == nil)
        #expect(PromoterGroup(nps: 11) == nil)
    }

    @Test("CSAT: 4–5 satisfied, 3 neutral, 1–2 dissatisfied, nothing outside 1–5")
    func satisfaction() {
        #expect(Satisfaction(csat: 1) == .dissatisfied)
        #expect(Satisfaction(csat: 2) == .dissatisfied)
        #expect(Satisfaction(csat: 3) == .neutral)
        #expect(Satisfaction(csat: 4) == .satisfied)
        #expect(Satisfaction(csat: 5) == .satisfied)
        #expect(Satisfaction(csat: 0) == nil)
        #expect(Satisfaction(csat: 6) == nil)
    }

    @Test(
        "attitude: NPS decides when it is a promoter or a detractor, else CSAT",
        arguments: [
            (9, 1, AnswerAttitude.positive), (6, 5, .negative), (8, 5, .positive), (8, 2, .negative),
            (nil, 4, .positive), (nil, 2, .negative),
        ] as [(Int?, Int?, AnswerAttitude)])
    func attitude(_ nps: Int?, _ csat: Int?, _ expected: AnswerAttitude) {
        #expect(AnswerAttitude(nps: nps, csat: csat) == expected)
    }

    @Test("no attitude from a passive NPS with a neutral or missing CSAT, or from nothing")
    func noAttitude() {
        #expect(AnswerAttitude(nps: 7, csat: 3) == nil)
        #expect(AnswerAttitude(nps: 8, csat: nil) == nil)
        #expect(AnswerAttitude(nps: nil, csat: 3) == nil)
        #expect(AnswerAttitude(nps: nil, csat: nil) == nil)
        #expect(AnswerAttitude(nps: 42, csat: 9) == nil)
    }

    @Test("the net promoter score and the satisfaction share count by the same reading")
    func summariesUseTheReading() throws {
        let nps = try #require(NetPromoterScore(answers: Array(0...10) + [11, -3]))
        #expect(nps.promoters == 2)
        #expect(nps.passives == 2)
        #expect(nps.detractors == 7)
        let csat = try #require(SatisfactionSummary(answers: [0, 1, 2, 3, 4, 5, 6]))
        #expect(csat.count == 5)
        #expect(csat.satisfied == 2)
    }
}
