import Foundation

/// What `earned fit` reports, meant to be encoded as JSON (pretty, sorted keys). Deterministic for
/// the same input and options: no timings, no paths, no clock.
public struct FitReport: Codable, Sendable, Hashable {
    /// A fitted model: maximum-likelihood estimates with asymptotic standard errors from the
    /// observed information (Fader, Hardie & Lee 2005; Fader & Hardie 2013).
    public struct Model: Codable, Sendable, Hashable {
        /// The model's name, "BG/NBD" or "Gamma-Gamma".
        public var name: String
        /// Estimates by parameter name (r, alpha, a, b; p, q, gamma).
        public var parameters: [String: Double]
        /// Standard errors by parameter name; a parameter is left out when its error is undefined
        /// (a singular information matrix).
        public var standardErrors: [String: Double]
        /// Log-likelihood at the estimates, constants included.
        public var logLikelihood: Double
        /// Optimiser iterations.
        public var iterations: Int
        /// Whether the optimiser met its gradient tolerance.
        public var converged: Bool
        /// Customers the model was fitted on.
        public var customers: Int

        /// The report of a fit.
        public init<M>(name: String, fit: FitResult<M>) {
            self.name = name
            var parameters: [String: Double] = [:]
            var errors: [String: Double] = [:]
            for (i, parameter) in fit.parameterNames.enumerated() {
                parameters[parameter] = fit.estimates[i]
                if fit.standardErrors[i].isFinite { errors[parameter] = fit.standardErrors[i] }
            }
            self.parameters = parameters
            standardErrors = errors
            logLikelihood = fit.logLikelihood
            iterations = fit.iterations
            converged = fit.converged
            customers = Int(fit.sampleSize.rounded())
        }
    }

    /// Totals of the per-customer forecasts.
    public struct Forecast: Codable, Sendable, Hashable {
        /// Horizon of the expected purchases, in periods of the time unit.
        public var horizon: Double
        /// Σ P(alive): the expected number of customers still active at the end of calibration.
        public var expectedActiveCustomers: Double
        /// Σ E[Y(horizon) | x, t_x, T]: expected purchases of all customers over the horizon.
        public var expectedPurchases: Double
        /// Lifetime-value horizon in months.
        public var months: Int
        /// Monthly discount rate.
        public var monthlyDiscountRate: Double
        /// Length of a month in periods of the time unit.
        public var monthLength: Double
        /// Σ CLV over customers with a defined value; absent without a spend model.
        public var lifetimeValue: Double?
        /// The level of the intervals below (0.9 for 90 %).
        public var intervalLevel: Double?
        /// [lower, upper] of the expected active customers, purchases and lifetime value, carrying
        /// the parameters' uncertainty (`LifetimePredictions`); a limit is absent (null) when the
        /// fit's information matrix was singular.
        public var expectedActiveCustomersInterval: [Double?]?
        public var expectedPurchasesInterval: [Double?]?
        public var lifetimeValueInterval: [Double?]?

        /// Creates the totals.
        public init(
            horizon: Double, expectedActiveCustomers: Double, expectedPurchases: Double, months: Int,
            monthlyDiscountRate: Double, monthLength: Double, lifetimeValue: Double?
        ) {
            self.horizon = horizon
            self.expectedActiveCustomers = expectedActiveCustomers
            self.expectedPurchases = expectedPurchases
            self.months = months
            self.monthlyDiscountRate = monthlyDiscountRate
            self.monthLength = monthLength
            self.lifetimeValue = lifetimeValue
        }

        /// The totals of the predictions, with their intervals.
        public init(_ totals: LifetimePredictions.Totals, level: Double, horizon: Double, options: FitOptions) {
            func limits(_ e: IntervalEstimate) -> [Double?] {
                [e.lower.isFinite ? e.lower : nil, e.upper.isFinite ? e.upper : nil]
            }
            self.init(
                horizon: horizon, expectedActiveCustomers: totals.activeCustomers.estimate,
                expectedPurchases: totals.purchases.estimate, months: options.months,
                monthlyDiscountRate: options.monthlyDiscountRate, monthLength: options.monthLength,
                lifetimeValue: totals.value?.estimate)
            intervalLevel = level
            expectedActiveCustomersInterval = limits(totals.activeCustomers)
            expectedPurchasesInterval = limits(totals.purchases)
            lifetimeValueInterval = totals.value.map(limits)
        }
    }

    /// The layout of the input.
    public var inputKind: FitInputKind
    /// Data records read (transactions of a log, rows of a summary).
    public var records: Int
    /// Customers summarised.
    public var customers: Int
    /// Customers with at least one repeat purchase.
    public var repeatBuyers: Int
    /// Last day of calibration (YYYY-MM-DD) of a log; absent for a summary.
    public var calibrationEnd: String?
    /// Unit of t_x, T, α and the horizon: "weeks" or "days".
    public var timeUnit: String
    /// The purchase model fitted on all customers: BG/NBD, or the model the holdout chose.
    public var purchaseModel: Model
    /// The Gamma-Gamma fit on repeat buyers with positive spend; absent when it could not be made.
    public var spendModel: Model?
    /// Totals of the forecasts.
    public var forecast: Forecast
    /// Caveats for people, e.g. why the spend model is absent.
    public var notes: [String]
    /// The holdout validation, with `--holdout-weeks`.
    public var validation: HoldoutValidation?
    /// The validation's verdict in words, with what to do about it.
    public var verdict: String?

    /// Creates a report.
    public init(
        inputKind: FitInputKind, records: Int, customers: Int, repeatBuyers: Int, calibrationEnd: String?,
        timeUnit: String, purchaseModel: Model, spendModel: Model?, forecast: Forecast, notes: [String],
        validation: HoldoutValidation? = nil, verdict: String? = nil
    ) {
        self.inputKind = inputKind
        self.records = records
        self.customers = customers
        self.repeatBuyers = repeatBuyers
        self.calibrationEnd = calibrationEnd
        self.timeUnit = timeUnit
        self.purchaseModel = purchaseModel
        self.spendModel = spendModel
        self.forecast = forecast
        self.notes = notes
        self.validation = validation
        self.verdict = verdict
    }
}
