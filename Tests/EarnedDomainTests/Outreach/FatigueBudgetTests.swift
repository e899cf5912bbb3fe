import Foundation
import Testing

@testable import EarnedDomain

@Suite("Fatigue budget")
struct FatigueBudgetTests {
    let now = OutreachFixture.now
    let budget = FatigueBudget.standard

    func touches(daysAgo: [Double], kind: TouchKind = .greeting) -> [Touch] {
        daysAgo.map { Touch(at: now.addingTimeInterval(-OutreachFixture.days($0)), kind: kind) }
    }

    @Test("the default is four touches per thirty days")
    func defaults() {
        #expect(budget.maxTouches == 4)
        #expect(budget.windowDays == 30)
    }

    @Test("three touches leave room for one more; exactly four fill the budget")
    func edges() {
        let three = touches(daysAgo: [29, 20, 10])
        #expect(budget.allows(.greeting, at: now, history: three))
        #expect(budget.remaining(at: now, history: three) == 1)
        let four = touches(daysAgo: [29, 20, 10, 1])
        #expect(!budget.allows(.greeting, at: now, history: four))
        #expect(!budget.allows(.survey, at: now, history: four))
        #expect(budget.remaining(at: now, history: four) == 0)
    }

    @Test("a touch exactly windowDays ago has left the window; a second later it has not")
    func windowEdge() {
        let leaving = touches(daysAgo: [30, 20, 10, 1])
        #expect(budget.allows(.greeting, at: now, history: leaving))
        #expect(budget.remaining(at: now, history: leaving) == 1)
        let inside =
            [Touch(at: now.addingTimeInterval(-OutreachFixture.days(30) + 1), kind: .followUp)]
            + touches(daysAgo: [20, 10, 1])
        #expect(!budget.allows(.greeting, at: now, history: inside))
    }

    @Test("a touch made at the very moment counts")
    func sameInstant() {
        let history = touches(daysAgo: [20, 10, 1]) + [Touch(at: now, kind: .other)]
        #expect(!budget.allows(.greeting, at: now, history: history))
    }

    @Test("touches after the moment asked about are not counted")
    func future() {
        let history = touches(daysAgo: [20, 10, 1]) + [Touch(at: now.addingTimeInterval(60), kind: .greeting)]
        #expect(budget.remaining(at: now, history: history) == 1)
    }

    @Test("call-first incident outreach neither counts nor is ever refused")
    func outreach() {
        #expect(!TouchKind.outreach.countsAgainstBudget)
        for kind in TouchKind.allCases where kind != .outreach { #expect(kind.countsAgainstBudget) }
        let full = touches(daysAgo: [29, 20, 10, 1])
        #expect(budget.allows(.outreach, at: now, history: full))
        let outreachOnly = touches(daysAgo: [5, 4, 3, 2, 1], kind: .outreach)
        #expect(budget.allows(.greeting, at: now, history: outreachOnly))
        #expect(budget.remaining(at: now, history: outreachOnly) == 4)
    }

    @Test("the next allowed moment is when the oldest counted touch leaves the window")
    func nextAllowed() throws {
        let full = touches(daysAgo: [29, 20, 10, 1]) + touches(daysAgo: [28.5], kind: .outreach)
        let next = try #require(budget.nextAllowed(at: now, history: full))
        #expect(next == now.addingTimeInterval(OutreachFixture.days(1)))
        #expect(budget.allows(.greeting, at: next, history: full))
        #expect(!budget.allows(.greeting, at: next.addingTimeInterval(-1), history: full))
        #expect(budget.nextAllowed(at: now, history: touches(daysAgo: [29, 20, 10])) == nil)
    }

    @Test("an overfull window waits until enough touches have left it")
    func overfull() throws {
        let six = touches(daysAgo: [29, 25, 20, 10, 5, 1])
        let next = try #require(budget.nextAllowed(at: now, history: six))
        #expect(next == now.addingTimeInterval(OutreachFixture.days(10)))
        #expect(budget.allows(.greeting, at: next, history: six))
        #expect(!budget.allows(.greeting, at: next.addingTimeInterval(-1), history: six))
    }

    @Test("a budget of one touch a week")
    func custom() {
        let weekly = FatigueBudget(maxTouches: 1, windowDays: 7)
        #expect(!weekly.allows(.greeting, at: now, history: touches(daysAgo: [6.9])))
        #expect(weekly.allows(.greeting, at: now, history: touches(daysAgo: [7])))
    }

    @Test(
        "limits are 1…30 touches and 7…90 days",
        arguments: [
            (1, 7, true), (30, 90, true), (4, 30, true), (0, 30, false), (31, 30, false), (4, 6, false),
            (4, 91, false),
        ])
    func limits(_ touches: Int, _ days: Int, _ valid: Bool) {
        let result = try? FatigueBudgetDraft(maxTouches: touches, windowDays: days).validated()
        #expect((result != nil) == valid)
        if valid { #expect(result == FatigueBudget(maxTouches: touches, windowDays: days)) }
    }

    @Test("every bad field is reported, and a missing field keeps the current value")
    func draft() throws {
        let fields = OutreachFixture.invalidFields {
            _ = try FatigueBudgetDraft(maxTouches: 0, windowDays: 100).validated()
        }
        #expect(fields == ["max_touches", "window_days"])
        let kept = try FatigueBudgetDraft(windowDays: 14).validated(existing: FatigueBudget(maxTouches: 2))
        #expect(kept == FatigueBudget(maxTouches: 2, windowDays: 14))
    }
}
