import Foundation

/// A fitted purchase model of either kind: BG/NBD (Fader, Hardie & Lee 2005) or Pareto/NBD
/// (Schmittlein, Morrison & Colombo 1987), for the places that work with whichever the holdout
/// chose.
public enum PurchaseFit: Sendable {
    case bgnbd(FitResult<BGNBD>)
    case paretoNBD(FitResult<ParetoNBD>)

    /// The names `HoldoutValidation` and reports use.
    public static let names = [BGNBD.modelName, ParetoNBD.modelName]

    /// Fits the named model ("BG/NBD" or "Pareto/NBD").
    public static func fit(named name: String, _ histories: CustomerHistories) throws -> PurchaseFit {
        name == ParetoNBD.modelName ? .paretoNBD(try ParetoNBD.fit(histories)) : .bgnbd(try BGNBD.fit(histories))
    }

    public var name: String {
        switch self {
        case .bgnbd: BGNBD.modelName
        case .paretoNBD: ParetoNBD.modelName
        }
    }

    public var converged: Bool {
        switch self {
        case .bgnbd(let fit): fit.converged
        case .paretoNBD(let fit): fit.converged
        }
    }

    /// The report of the fit.
    public var report: FitReport.Model {
        switch self {
        case .bgnbd(let fit): FitReport.Model(name: name, fit: fit)
        case .paretoNBD(let fit): FitReport.Model(name: name, fit: fit)
        }
    }

    /// Predictions with intervals for every customer of the histories.
    public func predictions(
        _ histories: CustomerHistories, horizon: Double, value: LifetimePredictions.ValueInput? = nil,
        level: Double = 0.9
    ) -> LifetimePredictions {
        switch self {
        case .bgnbd(let fit):
            LifetimePredictions(fit: fit, histories: histories, horizon: horizon, value: value, level: level)
        case .paretoNBD(let fit):
            LifetimePredictions(fit: fit, histories: histories, horizon: horizon, value: value, level: level)
        }
    }

    /// E[Y(t) | x, t_x, T] of every customer, in input order.
    public func conditionalExpectedPurchases(in t: Double, _ histories: CustomerHistories) -> [Double] {
        switch self {
        case .bgnbd(let fit): fit.model.conditionalExpectedPurchases(in: t, histories)
        case .paretoNBD(let fit): fit.model.conditionalExpectedPurchases(in: t, histories)
        }
    }
}
