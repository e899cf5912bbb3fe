import Foundation

/// Per-customer summary of a transaction log for the BG/NBD and Gamma-Gamma models — the
/// "(x, t_x, T)" and z̄ of Fader, Hardie & Lee (2005, §3) and Fader & Hardie (2013) — built the
/// way `lifetimes.utils.calibration_and_holdout_data` builds it: purchases on the same day are
/// merged into one transaction (amounts summed); x counts the repeat purchase days up to the
/// calibration end, t_x is the time from the first to the last of them, T the time from the
/// first purchase to the calibration end, and z̄ the mean value of the repeat transactions.
/// Customers whose first purchase is after the calibration end are left out; purchases after it
/// are counted as holdout purchases up to the observation end, if one is given.
public struct CalibrationSummary: Sendable {
    /// The unit t_x and T are expressed in.
    public enum TimeUnit: Sendable, Hashable, Codable {
        case days
        case weeks

        /// Length of the unit in days.
        public var days: Double {
            switch self {
            case .days: 1
            case .weeks: 7
            }
        }
    }

    /// One purchase: who, on which day, for how much.
    public struct Transaction: Sendable, Hashable {
        /// The customer's identifier.
        public var customerID: String
        /// Day number: days since 1970-01-01 in the business's calendar (see `dayNumber`).
        public var day: Int
        /// Transaction value in money units (e.g. dollars, or minor units as Double).
        public var amount: Double

        /// A purchase on a day number (days since 1970-01-01).
        public init(customerID: String, day: Int, amount: Double) {
            self.customerID = customerID
            self.day = day
            self.amount = amount
        }

        /// A purchase at an instant, assigned to its calendar day in `timeZone`.
        public init(customerID: String, date: Date, amount: Double, timeZone: TimeZone = .gmt) {
            self.init(customerID: customerID, day: CalibrationSummary.dayNumber(of: date, in: timeZone), amount: amount)
        }
    }

    /// Day number (days since 1970-01-01) of a proleptic Gregorian date — Hinnant's
    /// `days_from_civil` algorithm ("chrono-Compatible Low-Level Date Algorithms", 2013).
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Day number (days since 1970-01-01) of the calendar day on which `date` falls in `timeZone`.
    public static func dayNumber(of date: Date, in timeZone: TimeZone) -> Int {
        let seconds = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        return Int((seconds / 86_400).rounded(.down))
    }

    /// Unit of `recency` and `age`.
    public let timeUnit: TimeUnit
    /// Last day (inclusive) of the calibration period.
    public let calibrationEnd: Int
    /// Last day (inclusive) of the holdout period, if any.
    public let observationEnd: Int?
    /// Customer identifiers, in order of first appearance in the input.
    public let customerIDs: [String]
    /// Day of each customer's first purchase.
    public let firstPurchaseDay: [Int]
    /// x: repeat purchase days in the calibration period.
    public let frequency: [Int]
    /// t_x: time from the first to the last calibration purchase, in `timeUnit`.
    public let recency: [Double]
    /// T: time from the first purchase to the calibration end, in `timeUnit`.
    public let age: [Double]
    /// z̄: mean value of the calibration repeat transactions (0 when x = 0).
    public let averageSpend: [Double]
    /// Purchase days in the holdout period (calibrationEnd, observationEnd].
    public let holdoutFrequency: [Int]
    /// Total value of the holdout purchases.
    public let holdoutSpend: [Double]

    /// Number of customers summarised.
    public var count: Int { customerIDs.count }

    /// Summarises `transactions` at `calibrationEnd` (inclusive day number), counting holdout
    /// purchases through `observationEnd` when given (Fader, Hardie & Lee 2005, §3; the
    /// definitions of `lifetimes` with same-day purchases merged).
    public init(
        transactions: [Transaction], calibrationEnd: Int, observationEnd: Int? = nil, timeUnit: TimeUnit
    ) {
        precondition(observationEnd.map { $0 >= calibrationEnd } ?? true, "observation end precedes calibration end")
        self.timeUnit = timeUnit
        self.calibrationEnd = calibrationEnd
        self.observationEnd = observationEnd
        let lastDay = observationEnd ?? calibrationEnd

        // Number customers by first appearance; keep (customer, day) keys for one sort.
        var indexOfCustomer: [String: Int] = [:]
        var ids: [String] = []
        var keyed: [(key: UInt64, amount: Double)] = []
        keyed.reserveCapacity(transactions.count)
        for t in transactions where t.day <= lastDay {
            let index: Int
            if let i = indexOfCustomer[t.customerID] {
                index = i
            } else {
                index = ids.count
                indexOfCustomer[t.customerID] = index
                ids.append(t.customerID)
            }
            keyed.append((UInt64(index) << 32 | Self.packedDay(t.day), t.amount))
        }
        keyed.sort { $0.key < $1.key }

        let unit = timeUnit.days
        var outIDs: [String] = []
        var first: [Int] = []
        var x: [Int] = []
        var tx: [Double] = []
        var ages: [Double] = []
        var spend: [Double] = []
        var holdout: [Int] = []
        var holdoutValue: [Double] = []
        var i = 0
        while i < keyed.count {
            let customer = keyed[i].key >> 32
            let firstDay = Self.day(keyed[i].key)
            var repeats = 0
            var lastCalibrationDay = firstDay
            var repeatTotal = 0.0
            var holdoutCount = 0
            var holdoutTotal = 0.0
            var j = i
            var isFirstDay = true
            while j < keyed.count, keyed[j].key >> 32 == customer {
                let d = Self.day(keyed[j].key)
                var amount = 0.0
                while j < keyed.count, keyed[j].key >> 32 == customer, Self.day(keyed[j].key) == d {
                    amount += keyed[j].amount
                    j += 1
                }
                if isFirstDay {
                    isFirstDay = false
                } else if d <= calibrationEnd {
                    repeats += 1
                    repeatTotal += amount
                    lastCalibrationDay = d
                } else {
                    holdoutCount += 1
                    holdoutTotal += amount
                }
            }
            i = j
            guard firstDay <= calibrationEnd else { continue }
            outIDs.append(ids[Int(customer)])
            first.append(firstDay)
            x.append(repeats)
            tx.append(Double(lastCalibrationDay - firstDay) / unit)
            ages.append(Double(calibrationEnd - firstDay) / unit)
            spend.append(repeats > 0 ? repeatTotal / Double(repeats) : 0)
            holdout.append(holdoutCount)
            holdoutValue.append(holdoutTotal)
        }
        customerIDs = outIDs
        firstPurchaseDay = first
        frequency = x
        recency = tx
        age = ages
        averageSpend = spend
        holdoutFrequency = holdout
        holdoutSpend = holdoutValue
    }

    /// A day number offset into 0..<2³², so that (customer, day) packs into one sortable UInt64.
    private static func packedDay(_ day: Int) -> UInt64 {
        UInt64(UInt32(truncatingIfNeeded: Int64(day) + Int64(Int32.max) + 1))
    }

    /// The day number packed by `packedDay`, from the low 32 bits of a key.
    private static func day(_ key: UInt64) -> Int {
        Int(Int64(key & 0xFFFF_FFFF) - Int64(Int32.max) - 1)
    }

    /// The (x, t_x, T) histories compressed into unique rows for fitting and scoring
    /// (Fader, Hardie & Lee 2005).
    public func histories() throws -> CustomerHistories {
        try CustomerHistories(frequency: frequency, recency: recency, age: age)
    }
}
