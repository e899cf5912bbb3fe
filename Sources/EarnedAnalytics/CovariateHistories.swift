import Foundation

/// Customers' (x, t_x, T) histories with a vector of time-invariant covariates each (Fader &
/// Hardie 2007), compressed into unique (x, t_x, T, covariates) rows with weights. With no
/// covariates the rows are those of `CustomerHistories`.
public struct CovariateHistories: Sendable {
    /// The covariates' names, in the order of each row's values.
    public let names: [String]
    /// Number of customers represented.
    public let customerCount: Int
    public let rowFrequency: [Int]
    public let rowRecency: [Double]
    public let rowAge: [Double]
    public let rowWeight: [Double]
    /// Row-major covariate values: row i's are `rowCovariates[i * names.count ..< (i + 1) * names.count]`.
    public let rowCovariates: [Double]
    /// For each customer (in input order), the index of its unique row.
    public let rowOfCustomer: [Int32]

    /// Number of unique rows.
    public var rowCount: Int { rowFrequency.count }

    /// Compresses per-customer (x, t_x, T) and covariates (`covariates[i]` has one value per
    /// name). Throws `AnalyticsError` for an invalid history or a covariate that is not finite.
    public init(
        frequency: [Int], recency: [Double], age: [Double], covariates: [[Double]], names: [String]
    ) throws {
        guard frequency.count == recency.count, recency.count == age.count, age.count == covariates.count else {
            throw AnalyticsError.mismatchedLengths
        }
        let k = names.count
        var index: [[UInt64]: Int32] = [:]
        var x: [Int] = []
        var tx: [Double] = []
        var t: [Double] = []
        var weight: [Double] = []
        var values: [Double] = []
        var ofCustomer = [Int32](repeating: 0, count: frequency.count)
        for i in 0..<frequency.count {
            let c = covariates[i]
            guard c.count == k else { throw AnalyticsError.mismatchedLengths }
            let r = recency[i] + 0
            let a = age[i] + 0
            try CustomerHistories.check(frequency: frequency[i], recency: r, age: a, index: i)
            guard c.allSatisfy(\.isFinite) else {
                throw AnalyticsError.invalidHistory(index: i, reason: "a covariate is not a finite number")
            }
            let key = [UInt64(frequency[i]), r.bitPattern, a.bitPattern] + c.map { ($0 + 0).bitPattern }
            if let row = index[key] {
                weight[Int(row)] += 1
                ofCustomer[i] = row
            } else {
                let row = Int32(x.count)
                index[key] = row
                x.append(frequency[i])
                tx.append(r)
                t.append(a)
                weight.append(1)
                values.append(contentsOf: c)
                ofCustomer[i] = row
            }
        }
        self.names = names
        customerCount = frequency.count
        rowFrequency = x
        rowRecency = tx
        rowAge = t
        rowWeight = weight
        rowCovariates = values
        rowOfCustomer = ofCustomer
    }

    /// The rows of `histories`, with no covariates.
    public init(_ histories: CustomerHistories) {
        names = []
        customerCount = histories.customerCount
        rowFrequency = histories.rowFrequency
        rowRecency = histories.rowRecency
        rowAge = histories.rowAge
        rowWeight = histories.rowWeight
        rowCovariates = []
        rowOfCustomer = histories.rowOfCustomer
    }

    /// Covariate j of row i.
    @inline(__always)
    public func covariate(_ j: Int, ofRow i: Int) -> Double {
        rowCovariates[i * names.count + j]
    }

    /// The covariate values of row i.
    public func covariates(ofRow i: Int) -> ArraySlice<Double> {
        rowCovariates[(i * names.count)..<((i + 1) * names.count)]
    }
}
