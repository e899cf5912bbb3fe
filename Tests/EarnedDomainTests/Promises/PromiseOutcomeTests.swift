import Foundation
import Testing

@testable import EarnedDomain

/// One promise's history, in hours relative to its original due time, and what it must come to.
struct OutcomeScenario: Sendable, CustomTestStringConvertible {
    /// (made at, moved to, told via) for each renegotiation, in order.
    var moves: [(at: Double, to: Double, told: ContactChannel?)] = []
    var keptAt: Double?
    var brokenAt: Double?
    /// When the outcome is asked.
    var now: Double = 100
    var expected: PromiseOutcome
    /// The due time in force it must be measured against.
    var dueInForce: Double = 0
    var name: String

    var testDescription: String { name }
}

@Suite("Promise: outcome")
struct PromiseOutcomeTests {
    static let due = PromiseFixture.now
    static let hour = PromiseFixture.hour

    static func at(_ hours: Double) -> Date { due.addingTimeInterval(hours * hour) }

    static let scenarios: [OutcomeScenario] = [
        OutcomeScenario(now: -1, expected: .open, name: "open before the due time"),
        OutcomeScenario(now: 0, expected: .open, name: "open at the very due instant"),
        OutcomeScenario(now: 0.001, expected: .overdue, name: "overdue just after the due time"),
        OutcomeScenario(keptAt: -5, expected: .keptOnTime, name: "kept early"),
        OutcomeScenario(keptAt: 0, expected: .keptOnTime, name: "kept exactly at the due time is on time"),
        OutcomeScenario(keptAt: 0.001, expected: .late, name: "kept a moment after the due time is late"),
        OutcomeScenario(keptAt: -5, brokenAt: nil, now: -10, expected: .keptOnTime, name: "kept, asked before"),
        OutcomeScenario(brokenAt: -5, expected: .broken, name: "broken before the due time"),
        OutcomeScenario(brokenAt: 5, expected: .broken, name: "broken after the due time"),
        OutcomeScenario(
            moves: [(-2, 24, .phone)], keptAt: 20, expected: .renegotiated, dueInForce: 24,
            name: "moved in time and told, kept by the new time"),
        OutcomeScenario(
            moves: [(-2, 24, .phone)], keptAt: 24, expected: .renegotiated, dueInForce: 24,
            name: "moved in time and told, kept exactly at the new time"),
        OutcomeScenario(
            moves: [(-2, 24, .phone)], keptAt: -1, expected: .renegotiated, dueInForce: 24,
            name: "moved in time and told, kept even before the original time"),
        OutcomeScenario(
            moves: [(-2, 24, .sms)], keptAt: 25, expected: .late, dueInForce: 24,
            name: "moved in time and told, kept after the new time"),
        OutcomeScenario(
            moves: [(-2, 24, .email)], now: 10, expected: .open, dueInForce: 24,
            name: "moved in time: open while the new time has not passed"),
        OutcomeScenario(
            moves: [(-2, 24, .email)], now: 30, expected: .overdue, dueInForce: 24,
            name: "moved in time: overdue after the new time"),
        OutcomeScenario(
            moves: [(-2, 24, .phone)], brokenAt: 10, expected: .broken, dueInForce: 24,
            name: "moved in time, then broken"),
        OutcomeScenario(
            moves: [(-2, 24, nil)], keptAt: 20, expected: .late,
            name: "moved in time but the customer was not told: late"),
        OutcomeScenario(
            moves: [(-2, 24, nil)], now: 10, expected: .overdue,
            name: "moved without telling: overdue after the original time though the working time is ahead"),
        OutcomeScenario(
            moves: [(0, 24, .phone)], keptAt: 20, expected: .late,
            name: "moved at the very due instant is not before it: late"),
        OutcomeScenario(
            moves: [(1, 24, .phone)], keptAt: 20, expected: .late, name: "moved after the due time: late"),
        OutcomeScenario(
            moves: [(1, 24, .phone)], now: 2, expected: .overdue,
            name: "moved after the due time: overdue though the working time is ahead"),
        OutcomeScenario(
            moves: [(-2, 24, .phone), (20, 48, .messenger)], keptAt: 40, expected: .renegotiated, dueInForce: 48,
            name: "two moves, both in time and told"),
        OutcomeScenario(
            moves: [(-2, 24, .phone), (30, 48, .phone)], keptAt: 40, expected: .late, dueInForce: 24,
            name: "the second move came after the moved due time: late"),
        OutcomeScenario(
            moves: [(-2, 24, .phone), (24, 48, .phone)], keptAt: 40, expected: .late, dueInForce: 24,
            name: "the second move came at the very moved due time: late"),
        OutcomeScenario(
            moves: [(-2, 24, .phone), (20, 48, nil)], keptAt: 30, expected: .late, dueInForce: 24,
            name: "the second move was not told: late against the first"),
        OutcomeScenario(
            moves: [(-2, 24, .phone), (20, 48, nil)], keptAt: 22, expected: .renegotiated, dueInForce: 24,
            name: "the second move was not told, but kept by the first"),
        OutcomeScenario(
            moves: [(-5, 24, nil), (-2, 48, .phone)], keptAt: 40, expected: .renegotiated, dueInForce: 48,
            name: "an untold move, then a told one still before the original time"),
        OutcomeScenario(
            moves: [(-5, 24, nil), (10, 48, .phone)], keptAt: 40, expected: .late,
            name: "an untold move, then a told one after the original time: late"),
        OutcomeScenario(
            moves: [(1, 24, .phone), (3, 72, .phone)], keptAt: 50, expected: .late,
            name: "every move after the original time: late"),
        OutcomeScenario(
            moves: [(-5, -3, .phone)], keptAt: -4, expected: .renegotiated, dueInForce: -3,
            name: "moved earlier in time and told, kept by the earlier time"),
        OutcomeScenario(
            moves: [(-5, -3, .phone)], keptAt: -1, expected: .late, dueInForce: -3,
            name: "moved earlier in time and told, kept after it though before the original"),
    ]

    @Test("outcome", arguments: scenarios)
    func outcome(_ scenario: OutcomeScenario) throws {
        var promise = Promise(
            customerID: PromiseFixture.customerID, kind: .delivery, text: "Washing machine installed",
            ownerID: PromiseFixture.ownerID, originalDueAt: Self.due, createdAt: Self.at(-72))
        for move in scenario.moves {
            try promise.renegotiate(to: Self.at(move.to), at: Self.at(move.at), toldVia: move.told)
        }
        if let keptAt = scenario.keptAt { try promise.keep(at: Self.at(keptAt)) }
        if let brokenAt = scenario.brokenAt { try promise.markBroken(at: Self.at(brokenAt), reason: "no stock") }

        #expect(promise.outcome(at: Self.at(scenario.now)) == scenario.expected)
        #expect(promise.dueInForce == Self.at(scenario.dueInForce))
        #expect(promise.wasRenegotiatedInTime == (scenario.dueInForce != 0 || scenario.expected == .renegotiated))
        if let last = scenario.moves.last {
            #expect(promise.dueAt == Self.at(last.to), "the working due time always follows the last move")
        }
    }

    @Test("a kept or broken promise has the same outcome whenever it is asked")
    func decidedIsStable() throws {
        var kept = PromiseFixture.promise(dueInHours: 5)
        try kept.keep(at: PromiseFixture.now)
        var broken = PromiseFixture.promise(dueInHours: 5)
        try broken.markBroken(at: PromiseFixture.now)
        for offset in [-100.0, 0, 4, 5, 6, 1000] {
            let asked = PromiseFixture.now.addingTimeInterval(offset * Self.hour)
            #expect(kept.outcome(at: asked) == .keptOnTime)
            #expect(broken.outcome(at: asked) == .broken)
        }
    }

    @Test("the in-time rule: strictly before the due time in force, and told")
    func inTimeRule() {
        func move(_ hours: Double, _ told: ContactChannel?) -> Promise.Renegotiation {
            Promise.Renegotiation(at: Self.at(hours), fromDueAt: Self.due, toDueAt: Self.at(24), customerToldVia: told)
        }
        #expect(Promise.isInTime(move(-0.001, .phone), dueInForce: Self.due))
        #expect(!Promise.isInTime(move(0, .phone), dueInForce: Self.due))
        #expect(!Promise.isInTime(move(-1, nil), dueInForce: Self.due))
        #expect(!Promise.isInTime(move(1, .visit), dueInForce: Self.due))
    }

    @Test("outcome flags: decided and on time")
    func flags() {
        #expect(PromiseOutcome.allCases.filter(\.isDecided) == [.keptOnTime, .renegotiated, .late, .broken])
        #expect(PromiseOutcome.allCases.filter(\.isOnTime) == [.keptOnTime, .renegotiated])
        #expect(PromiseOutcome.keptOnTime.rawValue == "kept_on_time")
    }
}
