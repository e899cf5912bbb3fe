import EarnedDomain
import EarnedFormats
import Foundation

/// The customers `earned fit` works on: per-customer (x, t_x, T) and mean repeat spend z̄ —
/// the summary of Fader, Hardie & Lee (2005, §3) and Fader & Hardie (2013) — as parallel arrays,
/// with where they came from.
public struct FitData: Sendable {
    /// The layout of the input.
    public var kind: FitInputKind
    /// Data records read (transactions of a log, customers of a summary).
    public var records: Int
    /// Customer identifiers; `nil` when the input names none (customers are then numbered 1, 2, …).
    public var customerIDs: [String]?
    /// x: repeat purchases in the calibration period.
    public var frequency: [Int]
    /// t_x: time from the first to the last purchase, in `timeUnit`.
    public var recency: [Double]
    /// T: time from the first purchase to the end of calibration, in `timeUnit`.
    public var age: [Double]
    /// z̄: mean value of the repeat purchases (0 when x = 0); `nil` when the input has no spend.
    public var averageSpend: [Double]?
    /// Last day of the calibration period of a log; `nil` for a summary.
    public var calibrationEnd: LocaleDateParser.CalendarDay?
    /// Unit of t_x and T.
    public var timeUnit: CalibrationSummary.TimeUnit
    /// The log's transactions, kept only when a holdout validation needs them.
    public var transactions: [CalibrationSummary.Transaction]?

    /// Creates the data from parallel arrays (all of `frequency`'s length).
    public init(
        kind: FitInputKind, records: Int, customerIDs: [String]?, frequency: [Int], recency: [Double],
        age: [Double], averageSpend: [Double]?, calibrationEnd: LocaleDateParser.CalendarDay?,
        timeUnit: CalibrationSummary.TimeUnit, transactions: [CalibrationSummary.Transaction]? = nil
    ) {
        precondition(recency.count == frequency.count && age.count == frequency.count, "parallel arrays")
        precondition(customerIDs.map { $0.count == frequency.count } ?? true, "one id per customer")
        precondition(averageSpend.map { $0.count == frequency.count } ?? true, "one spend per customer")
        self.kind = kind
        self.records = records
        self.customerIDs = customerIDs
        self.frequency = frequency
        self.recency = recency
        self.age = age
        self.averageSpend = averageSpend
        self.calibrationEnd = calibrationEnd
        self.timeUnit = timeUnit
        self.transactions = transactions
    }

    /// Number of customers.
    public var count: Int { frequency.count }

    /// Customers with at least one repeat purchase (x > 0).
    public var repeatBuyers: Int {
        frequency.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
    }

    /// The identifier of the customer at `index`: from the input, or its 1-based number.
    public func customerID(at index: Int) -> String {
        customerIDs?[index] ?? String(index + 1)
    }
}
