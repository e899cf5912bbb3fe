import EarnedServices

/// The forecasting service is `EarnedServices.Forecasting`; this name lets files that do not
/// import EarnedServices (the forecast page, which the lead is moving) say `Forecasting` until
/// they do.
typealias Forecasting = EarnedServices.Forecasting
