import Foundation

/// Everything `earned fit` computes, short of reading and printing: the BG/NBD model of Fader,
/// Hardie & Lee (2005) fitted on all customers, the Gamma-Gamma model of Fader & Hardie (2013)
/// fitted on the repeat buyers with positive spend, and per customer P(alive) (Fader, Hardie &
/// Lee 2008), expected purchases over the horizon (FHL 2005, eq. 10), expected spend per purchase
/// and discounted lifetime value (`LifetimeValue`, the form `lifetimes` uses).
public struct FitAnalysis: Sendable {
    /// The customers analysed.
    public let data: FitData
    /// The options used.
    public let options: FitOptions
    /// The customers' histories, compressed into unique rows.
    public let histories: CustomerHistories
    /// The BG/NBD fit.
    public let purchases: FitResult<BGNBD>
    /// The Gamma-Gamma fit; `nil` without spend or with fewer than 3 repeat buyers with spend.
    public let spend: FitResult<GammaGamma>?
    /// Per-customer forecasts.
    public let scores: FitScores
    /// The report (encode as pretty JSON with sorted keys).
    public let report: FitReport

    /// Fits both models and scores every customer. `options.timeUnit` must be the data's unit.
    public init(_ data: FitData, options: FitOptions) throws(FitError) {
        try options.validate()
        guard options.timeUnit == data.timeUnit else {
            throw .invalidOption(
                "the data are in \(Self.name(of: data.timeUnit)) but the options in \(Self.name(of: options.timeUnit))")
        }
        guard data.count > 0 else { throw .model("no customers") }
        self.data = data
        self.options = options
        var notes: [String] = []
        do {
            histories = try CustomerHistories(frequency: data.frequency, recency: data.recency, age: data.age)
            purchases = try BGNBD.fit(histories)
        } catch let error as AnalyticsError {
            throw .model(Self.message(error, data: data))
        } catch {
            throw .model(String(describing: error))
        }
        if !purchases.converged { notes.append("BG/NBD: the optimiser stopped before meeting its gradient tolerance") }

        var spendFit: FitResult<GammaGamma>?
        if let averageSpend = data.averageSpend {
            do {
                spendFit = try GammaGamma.fit(frequency: data.frequency, averageSpend: averageSpend)
            } catch let error as AnalyticsError {
                notes.append("Gamma-Gamma not fitted: \(Self.message(error, data: data))")
            } catch {
                notes.append("Gamma-Gamma not fitted: \(error)")
            }
        } else {
            notes.append(
                "the input has no spend or amount column: no Gamma-Gamma model, expected spend or lifetime value")
        }
        if let spendFit, !spendFit.converged {
            notes.append("Gamma-Gamma: the optimiser stopped before meeting its gradient tolerance")
        }
        if let model = spendFit?.model, model.q <= 1 {
            notes.append(
                "Gamma-Gamma q ≤ 1: the population mean spend is infinite, so customers without repeat "
                    + "purchases have no expected spend or lifetime value")
        }
        spend = spendFit

        let model = purchases.model
        let horizon = options.horizonPeriods
        let alive = model.probabilityAlive(histories)
        let expected = model.conditionalExpectedPurchases(in: horizon, histories)
        var expectedSpend: [Double]?
        var clv: [Double]?
        if let spendModel = spendFit?.model, let averageSpend = data.averageSpend {
            let frequency = data.frequency
            var values = spendModel.conditionalExpectedAverageSpend(frequency: frequency, averageSpend: averageSpend)
            var lifetime = options.lifetimeValue.values(
                model: model, spendModel: spendModel, histories: histories, averageSpend: averageSpend)
            for i in 0..<values.count where spendModel.p * Double(frequency[i]) + spendModel.q - 1 <= 0 {
                values[i] = .nan
                lifetime[i] = .nan
            }
            expectedSpend = values
            clv = lifetime
        }
        scores = FitScores(
            probabilityAlive: alive, expectedPurchases: expected, expectedSpend: expectedSpend, lifetimeValue: clv)

        let forecast = FitReport.Forecast(
            horizon: horizon, expectedActiveCustomers: alive.reduce(0, +), expectedPurchases: expected.reduce(0, +),
            months: options.months, monthlyDiscountRate: options.monthlyDiscountRate, monthLength: options.monthLength,
            lifetimeValue: clv.map { $0.reduce(0) { $1.isFinite ? $0 + $1 : $0 } })
        report = FitReport(
            inputKind: data.kind, records: data.records, customers: data.count, repeatBuyers: data.repeatBuyers,
            calibrationEnd: data.calibrationEnd?.description, timeUnit: Self.name(of: data.timeUnit),
            purchaseModel: FitReport.Model(name: "BG/NBD", fit: purchases),
            spendModel: spendFit.map { FitReport.Model(name: "Gamma-Gamma", fit: $0) }, forecast: forecast,
            notes: notes)
    }

    /// "weeks" or "days".
    static func name(of unit: CalibrationSummary.TimeUnit) -> String {
        switch unit {
        case .days: "days"
        case .weeks: "weeks"
        }
    }

    /// A message for people from an analytics error; a customer is named by its identifier.
    static func message(_ error: AnalyticsError, data: FitData) -> String {
        switch error {
        case .mismatchedLengths: "the customer arrays have different lengths"
        case .invalidHistory(let index, let reason): "customer \(data.customerID(at: index)): \(reason)"
        case .insufficientData(let reason): reason
        case .fitFailed(let reason): reason
        }
    }
}
