import Foundation

/// Everything `earned fit` computes, short of reading and printing: the purchase model fitted on
/// all customers — BG/NBD (Fader, Hardie & Lee 2005), or with a holdout whichever of BG/NBD and
/// Pareto/NBD predicted the held-out weeks better (`HoldoutValidation`) — the Gamma-Gamma model of
/// Fader & Hardie (2013) fitted on the repeat buyers with positive spend, and per customer
/// P(alive), expected purchases over the horizon, expected spend per purchase and discounted
/// lifetime value (`LifetimeValue`, the form `lifetimes` uses), with intervals
/// (`LifetimePredictions`).
public struct FitAnalysis: Sendable {
    /// The customers analysed.
    public let data: FitData
    /// The options used.
    public let options: FitOptions
    /// The customers' histories, compressed into unique rows.
    public let histories: CustomerHistories
    /// The purchase model's fit.
    public let purchases: PurchaseFit
    /// The Gamma-Gamma fit; `nil` without spend or with fewer than 3 repeat buyers with spend.
    public let spend: FitResult<GammaGamma>?
    /// The holdout validation, when asked for.
    public let validation: HoldoutValidation?
    /// Per-customer forecasts.
    public let scores: FitScores
    /// The report (encode as pretty JSON with sorted keys).
    public let report: FitReport

    /// Fits the models and scores every customer. `options.timeUnit` must be the data's unit.
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
        var validation: HoldoutValidation?
        if let weeks = options.holdoutWeeks {
            guard let transactions = data.transactions, let end = data.calibrationEnd else {
                throw .invalidOption("--holdout-weeks needs a transaction log: a summary has no purchase dates")
            }
            do {
                validation = try HoldoutValidation(
                    transactions: transactions, observationEnd: end.daysSinceEpoch, holdoutWeeks: weeks)
            } catch let error as AnalyticsError {
                throw .model("holdout: " + Self.message(error, data: data))
            } catch {
                throw .model("holdout: \(error)")
            }
        }
        self.validation = validation
        do {
            histories = try CustomerHistories(frequency: data.frequency, recency: data.recency, age: data.age)
            purchases = try PurchaseFit.fit(named: validation?.chosen ?? BGNBD.modelName, histories)
        } catch let error as AnalyticsError {
            throw .model(Self.message(error, data: data))
        } catch {
            throw .model(String(describing: error))
        }
        if !purchases.converged {
            notes.append("\(purchases.name): the optimiser stopped before meeting its gradient tolerance")
        }

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

        let horizon = options.horizonPeriods
        var valueInput: LifetimePredictions.ValueInput?
        if let spendFit, let averageSpend = data.averageSpend {
            valueInput = .init(definition: options.lifetimeValue, spend: spendFit, averageSpend: averageSpend)
        }
        let predictions = purchases.predictions(
            histories, horizon: horizon, value: valueInput, level: options.intervalLevel)
        scores = FitScores(
            predictions: predictions,
            spend: valueInput.map { (model: $0.spend.model, averageSpend: $0.averageSpend) })

        let forecast = FitReport.Forecast(
            predictions.totals, level: options.intervalLevel, horizon: horizon, options: options)
        report = FitReport(
            inputKind: data.kind, records: data.records, customers: data.count, repeatBuyers: data.repeatBuyers,
            calibrationEnd: data.calibrationEnd?.description, timeUnit: Self.name(of: data.timeUnit),
            purchaseModel: purchases.report,
            spendModel: spendFit.map { FitReport.Model(name: "Gamma-Gamma", fit: $0) }, forecast: forecast,
            notes: notes, validation: validation, verdict: validation.map(Self.verdictWords))
    }

    /// The validation's verdict in English words, with what to do about it.
    static func verdictWords(_ v: HoldoutValidation) -> String {
        let chosen = "\(v.chosen) was chosen on the held-out \(v.holdoutWeeks) weeks"
        let percent = { (x: Double) in String(format: "%.0f %%", abs(x) * 100) }
        guard let result = v.chosenResult else { return chosen }
        switch v.verdict {
        case .fits:
            return chosen + ": it predicted \(Int(result.errors.totalPredicted.rounded())) repeat purchases "
                + "against \(Int(result.errors.totalActual)) made; its forecasts can be used."
        case .overPredicts:
            return chosen + ", but it expected \(percent(result.errors.totalRelative)) more purchases than customers "
                + "made: customers leave faster than it assumes (a season ending, or the business changed). Treat "
                + "expected purchases and value as optimistic, and refit after a few more weeks."
        case .underPredicts:
            return chosen + ", but it expected \(percent(result.errors.totalRelative)) fewer purchases than customers "
                + "made (a season or a campaign in the held-out weeks, or customers buying more than before). Treat "
                + "its forecasts as cautious."
        case .missesGroup:
            return chosen + ", and its total agrees, but customers with \(v.worstRow ?? 0) calibration purchases "
                + "were predicted far off: trust the totals, not single customers' predictions, for them."
        case .notEnoughData:
            return "Too few repeat purchases in the held-out \(v.holdoutWeeks) weeks (\(v.holdoutPurchases)) to "
                + "judge the model: hold out more weeks, or wait for more purchases."
        }
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
