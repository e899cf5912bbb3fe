import EarnedAnalytics
import Foundation
import Testing

@Suite struct CalibrationSummaryTests {
    @Test func dayNumbersCountFromTheUnixEpoch() {
        #expect(CalibrationSummary.dayNumber(year: 1970, month: 1, day: 1) == 0)
        #expect(CalibrationSummary.dayNumber(year: 1997, month: 1, day: 1) == 9862)
        #expect(CalibrationSummary.dayNumber(year: 2000, month: 3, day: 1) == 11017)
        #expect(CalibrationSummary.dayNumber(year: 1969, month: 12, day: 31) == -1)
        // 2024-03-10 23:30 UTC is already 2024-03-11 in Moscow (UTC+3).
        let instant = Date(
            timeIntervalSince1970: Double(CalibrationSummary.dayNumber(year: 2024, month: 3, day: 10)) * 86_400 + 84_600
        )
        let moscow = TimeZone(identifier: "Europe/Moscow")!
        #expect(CalibrationSummary.dayNumber(of: instant, in: .gmt) == 19792)
        #expect(CalibrationSummary.dayNumber(of: instant, in: moscow) == 19793)
    }

    @Test func sameDayPurchasesMergeAndLaterOnesAreHoldout() {
        let tx: [CalibrationSummary.Transaction] = [
            .init(customerID: "a", day: 10, amount: 5),
            .init(customerID: "a", day: 24, amount: 7),
            .init(customerID: "b", day: 3, amount: 1),
            .init(customerID: "a", day: 24, amount: 3),  // same day as the 7: one transaction of 10
            .init(customerID: "a", day: 31, amount: 20),
            .init(customerID: "a", day: 40, amount: 4),  // after calibration: holdout
            .init(customerID: "a", day: 41, amount: 6),  // holdout
            .init(customerID: "c", day: 39, amount: 9),  // first purchase after calibration: left out
            .init(customerID: "a", day: 99, amount: 6),  // after observation end: ignored
        ]
        let summary = CalibrationSummary(transactions: tx, calibrationEnd: 38, observationEnd: 45, timeUnit: .days)
        #expect(summary.customerIDs == ["a", "b"])
        #expect(summary.frequency == [2, 0])
        #expect(summary.recency == [21, 0])
        #expect(summary.age == [28, 35])
        #expect(summary.averageSpend == [15, 0])
        #expect(summary.holdoutFrequency == [2, 0])
        #expect(summary.holdoutSpend == [10, 0])
        let weekly = CalibrationSummary(transactions: tx, calibrationEnd: 38, timeUnit: .weeks)
        #expect(weekly.recency == [3, 0])
        #expect(weekly.age == [4, 5])
        #expect(weekly.holdoutFrequency == [0, 0])
    }

    @Test func cdnowCalibrationSummaryMatchesLifetimes() throws {
        // Totals from lifetimes.utils.calibration_and_holdout_data on the same file
        // (calibration end 1997-09-30, observation end 1998-06-30, freq 'D', freq_multiplier 7).
        let summary = try CDNOWFixture.summary()
        #expect(summary.count == 2357)
        #expect(summary.frequency.filter { $0 > 0 }.count == 946)
        #expect(summary.frequency.reduce(0, +) == 2457)
        #expect(abs(summary.recency.reduce(0, +) - 16135.571429) < 1e-5)
        #expect(abs(summary.age.reduce(0, +) - 77111.285714) < 1e-5)
        #expect(abs(summary.averageSpend.reduce(0, +) - 33183.643767) < 1e-5)
        #expect(summary.holdoutFrequency.reduce(0, +) == 1882)
        let first = try #require(summary.customerIDs.firstIndex(of: "00004"))
        #expect(summary.frequency[first] == 2)
        #expect(abs(summary.recency[first] - 213.0 / 7) < 1e-12)
        #expect(abs(summary.age[first] - 272.0 / 7) < 1e-12)
        #expect(abs(summary.averageSpend[first] - 22.345) < 1e-12)
        #expect(summary.holdoutFrequency[first] == 1)
    }

    @Test func historiesCompressIdenticalRows() throws {
        let summary = try CDNOWFixture.summary()
        let histories = try summary.histories()
        #expect(histories.customerCount == 2357)
        #expect(histories.rowCount < 1100)
        #expect(histories.rowWeight.reduce(0, +) == 2357)
        for i in stride(from: 0, to: summary.count, by: 97) {
            let row = Int(histories.rowOfCustomer[i])
            #expect(histories.rowFrequency[row] == summary.frequency[i])
            #expect(histories.rowRecency[row] == summary.recency[i])
            #expect(histories.rowAge[row] == summary.age[i])
        }
    }

    @Test func impossibleHistoriesAreRejected() {
        #expect(throws: AnalyticsError.self) {
            try CustomerHistories(frequency: [1], recency: [5], age: [4])
        }
        #expect(throws: AnalyticsError.self) {
            try CustomerHistories(frequency: [0], recency: [1], age: [4])
        }
        #expect(throws: AnalyticsError.mismatchedLengths) {
            try CustomerHistories(frequency: [0, 1], recency: [0], age: [4])
        }
    }
}
