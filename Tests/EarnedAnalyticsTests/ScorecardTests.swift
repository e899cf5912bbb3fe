import EarnedAnalytics
import EarnedDomain
import Foundation
import Testing

/// The scorecard against hand counts: shares with Wilson intervals, scopes, the minimum
/// sample, the trend and the change against the previous period, quantiles of reply times.
struct ScorecardTests {
    static let end = Date(timeIntervalSince1970: 1_780_000_000)
    static let day: TimeInterval = 86_400
    static let ann = StaffID()
    static let bob = StaffID()
    static let north = LocationID()

    /// `n` records of `step`, the first `k` successful, spread over the `daysBack`-day-old day.
    static func records(
        _ step: ScorecardStep, n: Int, k: Int, daysBack: Double, staff: StaffID = ann,
        value: (Int) -> Double? = { _ in nil },
        slot: (Int) -> String? = { _ in nil }
    ) -> [ScorecardObservation] {
        (0..<n).map { i in
            ScorecardObservation(
                step: step, recordID: UUID(), at: end.addingTimeInterval(-daysBack * day + Double(i)),
                locationID: north,
                staffID: staff, success: i < k, value: value(i), slot: slot(i))
        }
    }

    @Test("a share is successes over records with its Wilson interval; scopes keep their own records")
    func shares() throws {
        let observations =
            Self.records(.keepPromises, n: 40, k: 30, daysBack: 10)
            + Self.records(.keepPromises, n: 20, k: 5, daysBack: 12, staff: Self.bob)
        let card = Scorecard.build(
            scope: .business, start: Self.end.addingTimeInterval(-30 * Self.day), end: Self.end,
            observations: observations)
        let figure = try #require(card.figure(.keepPromises))
        #expect(figure.sampleSize == 60 && figure.successes == 35)
        let wilson = try #require(WilsonInterval(successes: 35, trials: 60))
        let estimate = try #require(figure.estimate)
        #expect(estimate.value == 35.0 / 60.0 && estimate.lower == wilson.lower && estimate.upper == wilson.upper)

        let ann = Scorecard.build(
            scope: .person(Self.ann), start: Self.end.addingTimeInterval(-30 * Self.day), end: Self.end,
            observations: observations)
        #expect(ann.figure(.keepPromises)?.estimate?.value == 0.75)
        // Bob's 20 records are below the minimum of 30: not enough data, not a figure.
        let bob = Scorecard.build(
            scope: .person(Self.bob), start: Self.end.addingTimeInterval(-30 * Self.day), end: Self.end,
            observations: observations)
        let bobs = try #require(bob.figure(.keepPromises))
        #expect(bobs.estimate == nil && bobs.sampleSize == 20 && !bobs.hasEnoughData)
        // Teams come from the department of each person.
        let team = Scorecard.build(
            scope: .team("Sales"), start: Self.end.addingTimeInterval(-30 * Self.day), end: Self.end,
            observations: observations, department: { $0 == Self.bob ? "Sales" : nil })
        #expect(team.figure(.keepPromises)?.sampleSize == 20)
        // Steps without records are not enough data.
        #expect(card.figure(.callFirst)?.estimate == nil)
    }

    @Test("the trend has one point per earlier period and the change uses the previous one")
    func trendAndChange() throws {
        let observations =
            Self.records(.neverLate, n: 50, k: 45, daysBack: 5)
            + Self.records(.neverLate, n: 50, k: 35, daysBack: 15)
            + Self.records(.neverLate, n: 10, k: 10, daysBack: 25)
        let card = Scorecard.build(
            scope: .business, start: Self.end.addingTimeInterval(-10 * Self.day), end: Self.end,
            observations: observations, trendPeriods: 3)
        let figure = try #require(card.figure(.neverLate))
        #expect(figure.estimate?.value == 0.9)
        #expect(figure.trend.map(\.sampleSize) == [0, 10, 50])
        #expect(figure.trend.map(\.value) == [nil, nil, 0.7])
        let change = try #require(figure.change)
        #expect(abs(change.value - 0.2) < 1e-12)
        #expect(change.lower > 0 && change.upper < 0.4)
    }

    @Test("reply times: the median and 90th percentile with order-statistic intervals")
    func quantiles() throws {
        let observations = Self.records(.answerFast, n: 100, k: 80, daysBack: 3, value: { Double($0 + 1) * 60 })
        let card = Scorecard.build(
            scope: .business, start: Self.end.addingTimeInterval(-10 * Self.day), end: Self.end,
            observations: observations)
        let details = try #require(card.figure(.answerFast)?.details)
        // 1…100 minutes: type-7 median 50.5 min, 90th percentile 90.1 min.
        #expect(abs(details["first_reply_median_seconds"]! - 50.5 * 60) < 1e-9)
        #expect(abs(details["first_reply_p90_seconds"]! - 90.1 * 60) < 1e-9)
        // Conover's ranks for n = 100, q = 0.5: 40 and 61.
        #expect(details["first_reply_median_seconds_lower"] == 2400.0)
        #expect(details["first_reply_median_seconds_upper"] == 3660.0)
    }

    @Test("build trust is the consistency index across slots: 1 when the slots agree, lower when one lags")
    func consistencyIndex() throws {
        let even =
            Self.records(.buildTrust, n: 200, k: 180, daysBack: 2, slot: { _ in "morning" })
            + Self.records(.buildTrust, n: 200, k: 180, daysBack: 3, slot: { _ in "evening" })
        let uneven =
            Self.records(.buildTrust, n: 200, k: 190, daysBack: 2, slot: { _ in "morning" })
            + Self.records(.buildTrust, n: 200, k: 130, daysBack: 3, slot: { _ in "evening" })
        func index(_ o: [ScorecardObservation]) throws -> ScorecardFigure.Estimate {
            try #require(
                Scorecard.build(
                    scope: .business, start: Self.end.addingTimeInterval(-10 * Self.day), end: Self.end,
                    observations: o
                ).figure(.buildTrust)?.estimate)
        }
        #expect(try index(even).value == 1)
        let lagging = try index(uneven)
        #expect(lagging.value < 0.8 && lagging.lower <= lagging.value && lagging.value <= lagging.upper)
    }
}
