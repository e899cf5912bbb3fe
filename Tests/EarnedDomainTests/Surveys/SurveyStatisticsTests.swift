import Foundation
import Testing

@testable import EarnedDomain

@Suite("Survey results math")
struct SurveyStatisticsTests {
    @Test("no answers: no score")
    func empty() {
        #expect(NetPromoterScore(answers: []) == nil)
        #expect(NetPromoterScore(answers: [11, -1]) == nil)
        #expect(SatisfactionSummary(answers: []) == nil)
        #expect(EffortSummary(answers: []) == nil)
    }

    @Test("groups: 9–10 promoters, 7–8 passives, 0–6 detractors")
    func groups() throws {
        let nps = try #require(NetPromoterScore(answers: [10, 9, 8, 7, 6, 0, 5, 9, 10, 3]))
        #expect(nps.promoters == 4 && nps.passives == 2 && nps.detractors == 4)
        #expect(nps.score == 0)
        #expect(nps.count == 10)
    }

    @Test("all passives score 0 with a zero-width interval")
    func allPassives() throws {
        let nps = try #require(NetPromoterScore(answers: [7, 8, 8, 7]))
        #expect(nps.score == 0)
        #expect(nps.lower == 0 && nps.upper == 0)
    }

    @Test("all promoters score 100; one answer is ±100 or 0")
    func extremes() throws {
        let all = try #require(NetPromoterScore(answers: [9, 10, 10]))
        #expect(all.score == 100 && all.lower == 100 && all.upper == 100)
        #expect(NetPromoterScore(answers: [10])?.score == 100)
        #expect(NetPromoterScore(answers: [0])?.score == -100)
        #expect(NetPromoterScore(answers: [8])?.score == 0)
    }

    @Test("the interval: 50 promoters, 30 passives, 20 detractors of 100 → 30 ± 1.96·√((0.7 − 0.09)/100)·100")
    func interval() throws {
        let nps = try #require(NetPromoterScore(promoters: 50, passives: 30, detractors: 20))
        #expect(nps.score == 30)
        let half = 1.959964 * (0.61 / 100).squareRoot() * 100  // ≈ 15.31
        #expect(abs(nps.lower - (30 - half)) < 1e-4)
        #expect(abs(nps.upper - (30 + half)) < 1e-4)
        #expect(
            NetPromoterScore.intervalMethod == "normal approximation to the variance of a difference of proportions")
        let wider = try #require(NetPromoterScore(promoters: 50, passives: 30, detractors: 20, confidence: 0.99))
        #expect(abs(wider.upper - 30 - 2.575829 * (0.61 / 100).squareRoot() * 100) < 1e-4)
    }

    @Test("the interval is clamped to −100…100")
    func clamped() throws {
        let nps = try #require(NetPromoterScore(promoters: 3, passives: 0, detractors: 1))
        #expect(nps.upper == 100)
        #expect(nps.lower > -100 && nps.lower < 50)
        let low = try #require(NetPromoterScore(promoters: 0, passives: 1, detractors: 4))
        #expect(low.lower == -100)
    }

    @Test("z for 95 % and 90 %", arguments: [(0.95, 1.959964), (0.9, 1.644854), (0.999, 3.290527)])
    func z(_ confidence: Double, _ expected: Double) {
        #expect(abs(NetPromoterScore.z(confidence: confidence) - expected) < 1e-5)
    }

    @Test("CSAT: share of 4–5 and mean; CES: mean and share ≥ 5")
    func csatAndCes() throws {
        let csat = try #require(SatisfactionSummary(answers: [5, 4, 3, 1, 5, 9]))
        #expect(csat.count == 5 && csat.satisfied == 3)
        #expect(csat.satisfiedShare == 0.6)
        #expect(csat.mean == 3.6)
        let ces = try #require(EffortSummary(answers: [1, 5, 4, 7]))
        #expect(ces.highEffort == 2 && ces.highEffortShare == 0.5)
        #expect(ces.mean == 4.25)
        #expect(EffortSummary(answers: [1, 5, 4, 7], highEffortFrom: 6)?.highEffort == 1)
    }

    @Test("response rate: nil when nothing was sent")
    func responseRate() {
        #expect(ResponseRate(answered: 0, sent: 0).rate == nil)
        #expect(ResponseRate(answered: 3, sent: 12).rate == 0.25)
    }

    @Test(
        "the count reads with Russian plural forms",
        arguments: [
            (1, 1, "1 ответ из 1 приглашения"), (2, 21, "2 ответа из 21 приглашения"),
            (5, 22, "5 ответов из 22 приглашений"), (11, 111, "11 ответов из 111 приглашений"),
            (21, 100, "21 ответ из 100 приглашений"),
        ])
    func russian(_ answered: Int, _ sent: Int, _ text: String) {
        #expect(ResponseRate(answered: answered, sent: sent).text(language: "ru") == text)
    }

    @Test("English count")
    func english() {
        #expect(ResponseRate(answered: 1, sent: 2).text(language: "en") == "1 answer of 2 invitations")
    }
}
