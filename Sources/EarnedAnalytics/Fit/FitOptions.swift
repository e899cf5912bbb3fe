import EarnedDomain
import EarnedFormats
import Foundation

/// What `earned fit` is asked to do: how to summarise a transaction log and what to forecast.
///
/// The forecast follows Fader, Hardie & Lee (2005, eq. 10) for expected purchases over the
/// horizon and `LifetimeValue` (after Fader & Hardie 2013) for the discounted value.
public struct FitOptions: Sendable, Hashable {
    /// Last day (inclusive) of the calibration period of a transaction log; `nil` uses the last
    /// date in the file. Not allowed with a summary file, whose (x, t_x, T) are already summarised.
    public var calibrationEnd: LocaleDateParser.CalendarDay?
    /// Unit of t_x and T: the unit a log is summarised in, or the unit a summary file is written in.
    public var timeUnit: CalibrationSummary.TimeUnit
    /// Forecast horizon for expected purchases, in periods of `timeUnit`; `nil` means 52 weeks
    /// (364 days).
    public var horizon: Double?
    /// Lifetime-value horizon in months.
    public var months: Int
    /// Monthly discount rate of the lifetime value (0.01 for 1 % a month).
    public var monthlyDiscountRate: Double
    /// Weeks at the end of a transaction log to hold out for validation (`HoldoutValidation`);
    /// nil: no validation, and BG/NBD is the purchase model.
    public var holdoutWeeks: Int?
    /// The level of the prediction intervals (0.9 for 90 %).
    public var intervalLevel: Double = 0.9

    /// Options with the command's defaults: weeks, a 52-week horizon, 12 months at 1 % a month.
    public init(
        calibrationEnd: LocaleDateParser.CalendarDay? = nil, timeUnit: CalibrationSummary.TimeUnit = .weeks,
        horizon: Double? = nil, months: Int = 12, monthlyDiscountRate: Double = 0.01, holdoutWeeks: Int? = nil
    ) {
        self.calibrationEnd = calibrationEnd
        self.timeUnit = timeUnit
        self.horizon = horizon
        self.months = months
        self.monthlyDiscountRate = monthlyDiscountRate
        self.holdoutWeeks = holdoutWeeks
    }

    /// The horizon in periods of `timeUnit`: the one given, or 52 weeks expressed in that unit.
    public var horizonPeriods: Double {
        horizon ?? 52 * 7 / timeUnit.days
    }

    /// Length of a month in periods of `timeUnit`: an average Gregorian month (365.2425 / 12
    /// days), as `LifetimeValue.daysPerMonth` and `LifetimeValue.weeksPerMonth` define it.
    public var monthLength: Double {
        switch timeUnit {
        case .days: LifetimeValue.daysPerMonth
        case .weeks: LifetimeValue.weeksPerMonth
        }
    }

    /// The lifetime-value definition these options describe (`LifetimeValue`, margin 1).
    public var lifetimeValue: LifetimeValue {
        LifetimeValue(months: months, monthlyDiscountRate: monthlyDiscountRate, margin: 1, monthLength: monthLength)
    }

    /// Throws `FitError.invalidOption` for a negative or non-finite horizon, negative months, or
    /// a discount rate of −100 % or less.
    public func validate() throws(FitError) {
        if let horizon, !(horizon.isFinite && horizon >= 0) {
            throw .invalidOption("the horizon must be a non-negative number of periods, not \(horizon)")
        }
        guard months >= 0 else { throw .invalidOption("months must not be negative, not \(months)") }
        guard monthlyDiscountRate.isFinite, monthlyDiscountRate > -1 else {
            throw .invalidOption("the monthly discount rate must exceed −100 %, not \(monthlyDiscountRate)")
        }
        if let holdoutWeeks, holdoutWeeks < 1 {
            throw .invalidOption("the holdout must be at least one week, not \(holdoutWeeks)")
        }
    }
}
