import Foundation

/// Customers' (x, t_x, T) histories — repeat purchases, time of the last purchase since the first,
/// and age at the end of calibration (Fader, Hardie & Lee 2005, §3) — compressed into unique rows
/// with weights, so that fitting and scoring cost grows with the number of distinct histories
/// rather than the number of customers.
public struct CustomerHistories: Sendable {
    /// Number of customers represented.
    public let customerCount: Int
    /// Repeat purchases x of each unique row.
    public let rowFrequency: [Int]
    /// Recency t_x of each unique row.
    public let rowRecency: [Double]
    /// Age T of each unique row.
    public let rowAge: [Double]
    /// Number of customers sharing each unique row.
    public let rowWeight: [Double]
    /// For each customer (in input order), the index of its unique row.
    public let rowOfCustomer: [Int32]

    // Indexes into the distinct values of x, T and t_x, so per-evaluation work on them
    // (log-gamma, logarithms) is done once per distinct value.
    let distinctFrequencies: [Int]
    let distinctAges: [Double]
    let distinctRecencies: [Double]
    let rowFrequencyIndex: [Int32]
    let rowAgeIndex: [Int32]
    let rowRecencyIndex: [Int32]
    // Distinct (x, T) pairs: the BG/NBD expectation given alive depends on nothing else, so
    // forecasts and CLV evaluate their hypergeometric series once per pair.
    let pairFrequency: [Int]
    let pairAge: [Double]
    let rowPairIndex: [Int32]

    /// Compresses per-customer (x, t_x, T). Requires x ≥ 0, 0 ≤ t_x ≤ T, and t_x = 0 when x = 0;
    /// throws `AnalyticsError` otherwise.
    public init(frequency: [Int], recency: [Double], age: [Double]) throws {
        guard frequency.count == recency.count, recency.count == age.count else {
            throw AnalyticsError.mismatchedLengths
        }
        // Each of a fixed set of ranges compresses its own customers on some core; the ranges'
        // tables are then joined in order, so rows are numbered by first appearance as one pass
        // would number them.
        struct Part: Sendable {
            var rows = DenseIndexer(capacity: 0)
            var ofCustomer: [Int32] = []
            var weights: [Double] = []
            var error: AnalyticsError?
        }
        let parts = Parallel.mapChunks(count: frequency.count) { range in
            var part = Part()
            part.ofCustomer.reserveCapacity(range.count)
            for i in range {
                let x = frequency[i]
                let tx = recency[i] + 0  // normalises −0 to +0 for hashing
                let t = age[i] + 0
                do {
                    try Self.check(frequency: x, recency: tx, age: t, index: i)
                } catch {
                    part.error = error as? AnalyticsError
                    return part
                }
                let row = part.rows.id(UInt64(x), tx.bitPattern, t.bitPattern)
                if Int(row) == part.weights.count {
                    part.weights.append(1)
                } else {
                    part.weights[Int(row)] += 1
                }
                part.ofCustomer.append(row)
            }
            return part
        }
        if let error = parts.lazy.compactMap(\.error).first { throw error }
        var rows = parts[0].rows
        var weights = parts[0].weights
        var ofCustomer = parts[0].ofCustomer
        ofCustomer.reserveCapacity(frequency.count)
        for part in parts.dropFirst() {
            var joined = [Int32](repeating: 0, count: part.rows.count)
            for k in 0..<part.rows.count {
                let row = rows.id(part.rows.first[k], part.rows.second[k], part.rows.third[k])
                joined[k] = row
                if Int(row) == weights.count {
                    weights.append(part.weights[k])
                } else {
                    weights[Int(row)] += part.weights[k]
                }
            }
            ofCustomer += part.ofCustomer.map { joined[Int($0)] }
        }
        let rowX = rows.first.map { Int($0) }
        let rowTx = rows.second.map(Double.init(bitPattern:))
        let rowT = rows.third.map(Double.init(bitPattern:))
        self.init(customerCount: frequency.count, x: rowX, tx: rowTx, t: rowT, weights: weights, ofCustomer: ofCustomer)
    }

    private init(customerCount: Int, x: [Int], tx: [Double], t: [Double], weights: [Double], ofCustomer: [Int32]) {
        self.customerCount = customerCount
        rowFrequency = x
        rowRecency = tx
        rowAge = t
        rowWeight = weights
        rowOfCustomer = ofCustomer
        let n = x.count
        var xs = DenseIndexer(capacity: n)
        var ages = DenseIndexer(capacity: n)
        var recencies = DenseIndexer(capacity: n)
        var pairs = DenseIndexer(capacity: n)
        var xIndex = [Int32](repeating: 0, count: n)
        var ageIndex = [Int32](repeating: 0, count: n)
        var recencyIndex = [Int32](repeating: 0, count: n)
        var pairIndex = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            xIndex[i] = xs.id(UInt64(x[i]))
            ageIndex[i] = ages.id(t[i].bitPattern)
            recencyIndex[i] = recencies.id(tx[i].bitPattern)
            pairIndex[i] = pairs.id(UInt64(x[i]), t[i].bitPattern)
        }
        distinctFrequencies = xs.first.map { Int($0) }
        distinctAges = ages.first.map(Double.init(bitPattern:))
        distinctRecencies = recencies.first.map(Double.init(bitPattern:))
        pairFrequency = pairs.first.map { Int($0) }
        pairAge = pairs.second.map(Double.init(bitPattern:))
        rowFrequencyIndex = xIndex
        rowAgeIndex = ageIndex
        rowRecencyIndex = recencyIndex
        rowPairIndex = pairIndex
    }

    /// Throws `AnalyticsError.invalidHistory` unless x ≥ 0, 0 ≤ t_x ≤ T (both finite) and t_x = 0
    /// when x = 0.
    static func check(frequency x: Int, recency tx: Double, age t: Double, index i: Int) throws {
        guard x >= 0 else { throw AnalyticsError.invalidHistory(index: i, reason: "negative frequency") }
        guard tx.isFinite, t.isFinite, tx >= 0, tx <= t else {
            throw AnalyticsError.invalidHistory(index: i, reason: "recency must lie in [0, age]")
        }
        guard x > 0 || tx == 0 else {
            throw AnalyticsError.invalidHistory(index: i, reason: "recency must be 0 when frequency is 0")
        }
    }

    /// Number of unique (x, t_x, T) rows.
    public var rowCount: Int { rowFrequency.count }

    /// Expands one value per unique row into one value per customer, in input order.
    public func expand(_ perRow: [Double]) -> [Double] {
        precondition(perRow.count == rowCount, "one value per unique row expected")
        var out = [Double](repeating: 0, count: customerCount)
        perRow.withUnsafeBufferPointer { rows in
            rowOfCustomer.withUnsafeBufferPointer { rowOf in
                out.withUnsafeMutableBufferPointer { out in
                    for i in 0..<rowOf.count { out[i] = rows[Int(rowOf[i])] }
                }
            }
        }
        return out
    }
}
