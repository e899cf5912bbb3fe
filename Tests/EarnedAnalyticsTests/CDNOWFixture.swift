import EarnedAnalytics
import Foundation

/// The CDNOW 1/10 sample (see Fixtures/README.md), read from beside this file.
enum CDNOWFixture {
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/CDNOW_sample.txt")

    /// Rows: master id, sample id, YYYYMMDD, CDs, dollars.
    static func transactions() throws -> [CalibrationSummary.Transaction] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).map { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            let date = Int(fields[2])!
            let day = CalibrationSummary.dayNumber(year: date / 10_000, month: date / 100 % 100, day: date % 100)
            return CalibrationSummary.Transaction(customerID: String(fields[0]), day: day, amount: Double(fields[4])!)
        }
    }

    /// Calibration ends 1997-09-30 (39 weeks after 1997-01-01), holdout to 1998-06-30, in weeks.
    static func summary() throws -> CalibrationSummary {
        CalibrationSummary(
            transactions: try transactions(),
            calibrationEnd: CalibrationSummary.dayNumber(year: 1997, month: 9, day: 30),
            observationEnd: CalibrationSummary.dayNumber(year: 1998, month: 6, day: 30),
            timeUnit: .weeks)
    }
}
