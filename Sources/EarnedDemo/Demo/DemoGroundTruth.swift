import EarnedDomain
import Foundation

/// Everything the demo business was built to contain, written down before a single order is
/// generated: the planted service weaknesses, the discount hunters' share, and the parameters
/// of the buying and spending models, so analytics can be checked against known answers.
public struct DemoGroundTruth: Hashable, Codable, Sendable {
    /// The BG/NBD model the purchases follow (Fader, Hardie & Lee, 2005): while active, a
    /// customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each repeat purchase
    /// they drop out with probability p ~ Beta(a, b). Time is counted in demand days:
    /// one unit is one day of average demand at the customer's home location (discount hunters
    /// have their own demand curve, peaked in sale weeks): seasonality, weekdays and closures move
    /// purchases around the calendar without changing their expected number over the history.
    public struct PurchaseModel: Hashable, Codable, Sendable {
        /// Gamma shape of the purchase rate.
        public var r: Double
        /// Gamma rate of the purchase rate, in days of average demand (mean λ = r / α per day).
        public var alpha: Double
        /// First shape of the beta the dropout probability is drawn from.
        public var a: Double
        /// Second shape of the beta the dropout probability is drawn from.
        public var b: Double

        public init(r: Double, alpha: Double, a: Double, b: Double) {
            self.r = r
            self.alpha = alpha
            self.a = a
            self.b = b
        }
    }

    /// The Gamma-Gamma spend model (Fader & Hardie, 2013): each order's list price z ~ Gamma(p, ν)
    /// with the customer's ν ~ Gamma(q, γ), so the mean list price is pγ / (q − 1) model units.
    public struct SpendModel: Hashable, Codable, Sendable {
        /// Shape of each order's list price given the customer.
        public var p: Double
        /// Shape of the customer's ν.
        public var q: Double
        /// Rate of the customer's ν.
        public var gamma: Double
        /// Minor units of RUB in one model unit.
        public var rubMinorUnitsPerUnit: Int64
        /// Minor units of EUR in one model unit.
        public var eurMinorUnitsPerUnit: Int64

        public init(p: Double, q: Double, gamma: Double, rubMinorUnitsPerUnit: Int64, eurMinorUnitsPerUnit: Int64) {
            self.p = p
            self.q = q
            self.gamma = gamma
            self.rubMinorUnitsPerUnit = rubMinorUnitsPerUnit
            self.eurMinorUnitsPerUnit = eurMinorUnitsPerUnit
        }

        /// Minor units of `currency` in one model unit (RUB or EUR; anything else as RUB).
        public func minorUnitsPerUnit(currency: String) -> Int64 {
            currency == "EUR" ? eurMinorUnitsPerUnit : rubMinorUnitsPerUnit
        }
    }

    /// What the service at a customer's first service moment — the first decided promise or the
    /// first answered contact, whichever came first, as `earned score` finds it — does to their
    /// buying after it, when it let them down (the promise broken or kept late; the first reply
    /// after its target). In the Pareto/NBD's terms: their purchase rate is multiplied by
    /// `purchaseFactor` and the rate at which they leave by `dropoutFactor`. The generator plants it
    /// on the purchases after the moment: each is kept with probability `purchaseFactor`, and an
    /// extra exponential departure at rate (`dropoutFactor` − 1) × λp per demand day (λp is the
    /// BG/NBD customer's own rate of leaving) ends the rest.
    public struct ServiceEffect: Hashable, Codable, Sendable {
        public var purchaseFactor: Double
        public var dropoutFactor: Double

        public init(purchaseFactor: Double, dropoutFactor: Double) {
            self.purchaseFactor = purchaseFactor
            self.dropoutFactor = dropoutFactor
        }
    }

    /// The probability that a delivery or service start is late where no weakness applies.
    public var baselineLateRate: Double
    /// The service weaknesses planted in the data.
    public var weaknesses: [PlantedWeakness]
    /// The share of customers drawn into the discount-hunter group.
    public var discountHunterShare: Double
    /// How often customers buy and when they stop.
    public var purchaseModel: PurchaseModel
    /// How much they spend per order, before discounts.
    public var spendModel: SpendModel
    /// What a failed first promise does to a customer's buying after it.
    public var failedPromiseEffect: ServiceEffect
    /// What a late first reply does to a customer's buying after it.
    public var lateReplyEffect: ServiceEffect

    public init(
        baselineLateRate: Double, weaknesses: [PlantedWeakness], discountHunterShare: Double,
        purchaseModel: PurchaseModel, spendModel: SpendModel, failedPromiseEffect: ServiceEffect,
        lateReplyEffect: ServiceEffect
    ) {
        self.baselineLateRate = baselineLateRate
        self.weaknesses = weaknesses
        self.discountHunterShare = discountHunterShare
        self.purchaseModel = purchaseModel
        self.spendModel = spendModel
        self.failedPromiseEffect = failedPromiseEffect
        self.lateReplyEffect = lateReplyEffect
    }

    /// Whether the demo shops run a sale on this local date (the discount hunters' favourite days):
    /// 9–21 January, 1–8 March, 1–14 July, 10–16 September, and Black Friday week (the Monday
    /// before Black Friday to Cyber Monday).
    public static func isSaleDay(_ date: LocalDate) -> Bool {
        DemoCalendar.isSaleDay(DemoCalendar.day(of: date))
    }

    /// The weakness with this id, if planted.
    public func weakness(id: String) -> PlantedWeakness? { weaknesses.first { $0.id == id } }

    /// The product of the late factors of every weakness whose slot contains a promised time
    /// at `locationID`, in shift `shiftName`, `minutesBeforeClosing` before that day's closing,
    /// on a special day of kind `specialDay` (nil: a regular day).
    public func lateFactor(
        locationID: LocationID, shiftName: String?, minutesBeforeClosing: Int, specialDay: SpecialDay.Kind?
    ) -> Double {
        var factor = 1.0
        for weakness in weaknesses {
            guard let lateFactor = weakness.lateFactor else { continue }
            let applies: Bool
            switch weakness.slot {
            case .shift(let location, let name): applies = location == locationID && name == shiftName
            case .beforeClosing(let minutes): applies = minutesBeforeClosing > 0 && minutesBeforeClosing <= minutes
            case .specialDay(let kind): applies = kind == specialDay
            case .customerGroup: applies = false
            }
            if applies { factor *= lateFactor }
        }
        return factor
    }

    /// The probability that a delivery promised in that slot is late.
    public func lateProbability(
        locationID: LocationID, shiftName: String?, minutesBeforeClosing: Int, specialDay: SpecialDay.Kind?
    ) -> Double {
        let factor = lateFactor(
            locationID: locationID, shiftName: shiftName, minutesBeforeClosing: minutesBeforeClosing,
            specialDay: specialDay)
        return min(0.6, baselineLateRate * factor)
    }
}
