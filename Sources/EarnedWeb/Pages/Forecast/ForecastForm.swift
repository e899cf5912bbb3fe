import EarnedAnalytics
import EarnedDomain
import Foundation

/// The forecast form's fields as a person types them — shares in per cent, money in whole
/// currency units, a decimal comma allowed — read into a `ProgramScenario`, and written back
/// from one. Field names are the scenario's own (`participation.low`, `points.breakage.high`),
/// so every validation error lands beside its input.
struct ForecastForm: Sendable {
    var values: [String: String]

    static let spreadParts = ["low", "likely", "high"]
    static let tierRows = 3

    /// The inputs of a scenario.
    init(_ s: ProgramScenario) {
        var v: [String: String] = [:]
        v["kind"] = s.kind.rawValue
        v["reward_rate"] = Self.percent(s.rewardRate)
        v["points.per_unit"] = Self.number(s.points.perUnit)
        v["points.value_minor"] = Self.number(s.points.valueMinor / 100)
        v["points.expiry_months"] = String(s.points.expiryMonths)
        v["points.redemption_lag_months"] = String(s.points.redemptionLagMonths)
        Self.write(s.points.breakage, "points.breakage", percent: true, into: &v)
        for (i, tier) in s.tiers.prefix(Self.tierRows).enumerated() {
            v["tiers.\(i).minimum_yearly_spend_minor"] = Self.number(tier.minimumYearlySpendMinor / 100)
            v["tiers.\(i).rate"] = Self.percent(tier.rate)
        }
        for segment in s.eligible { v["eligible.\(segment.rawValue)"] = "true" }
        Self.write(s.participation, "participation", percent: true, into: &v)
        Self.write(s.retentionUplift, "retention_uplift", percent: true, into: &v)
        Self.write(s.frequencyUplift, "frequency_uplift", percent: true, into: &v)
        Self.write(s.spendUplift, "spend_uplift", percent: true, into: &v)
        v["gross_margin"] = Self.percent(s.grossMargin)
        v["monthly_cost_minor"] = Self.number(s.monthlyCostMinor / 100)
        v["setup_cost_minor"] = Self.number(s.setupCostMinor / 100)
        v["horizon_months"] = String(s.horizonMonths)
        v["discount_rate"] = Self.percent(s.discountRate)
        v["acquisition_multiple"] = Self.number(s.acquisitionMultiple)
        let withdrawal = s.withdrawal ?? ProgramScenario.standard.withdrawal!
        v["withdrawal.on"] = s.withdrawal == nil ? nil : "true"
        v["withdrawal.month"] = String(withdrawal.month)
        Self.write(withdrawal.churnSpike, "withdrawal.churn_spike", percent: true, into: &v)
        let service = s.service ?? ProgramScenario.standard.service!
        v["service.on"] = s.service == nil ? nil : "true"
        v["service.on_time_target"] = service.onTimeTarget.map(Self.percent) ?? ""
        v["service.replies_target"] = service.repliesTarget.map(Self.percent) ?? ""
        v["service.monthly_cost_minor"] = Self.number(service.monthlyCostMinor / 100)
        v["service.setup_cost_minor"] = Self.number(service.setupCostMinor / 100)
        v["runs"] = String(s.runs)
        v["seed"] = String(s.seed)
        values = v
    }

    /// What was posted.
    init(posted: [String: String]) { values = posted }

    subscript(_ name: String) -> String? { values[name] }
    func isOn(_ name: String) -> Bool { values[name].map { !$0.isEmpty } ?? false }

    /// The scenario the fields describe, or every field that could not be read; the scenario's
    /// own validation runs after.
    func scenario() throws(DomainError) -> ProgramScenario {
        var errors: [FieldError] = []
        var s = ProgramScenario.standard
        func number(_ name: String, scale: Double = 1) -> Double? {
            guard let text = values[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
                errors.append(FieldError(field: name, code: .required))
                return nil
            }
            let cleaned = text.replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: " ", with: "")
                .replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "−", with: "-")
            guard let x = Double(cleaned), x.isFinite else {
                errors.append(FieldError(field: name, code: .invalidFormat, detail: "a number"))
                return nil
            }
            return x * scale
        }
        func integer(_ name: String) -> Int? {
            guard let x = number(name) else { return nil }
            guard x == x.rounded(), abs(x) < 1e9 else {
                errors.append(FieldError(field: name, code: .invalidFormat, detail: "a whole number"))
                return nil
            }
            return Int(x)
        }
        func spread(_ name: String) -> Spread? {
            let parts = Self.spreadParts.map { number("\(name).\($0)", scale: 0.01) }
            guard let low = parts[0], let likely = parts[1], let high = parts[2] else { return nil }
            return Spread(low: low, likely: likely, high: high)
        }
        if let kind = values["kind"].flatMap(ProgramScenario.Kind.init(rawValue:)) {
            s.kind = kind
        } else {
            errors.append(
                FieldError(
                    field: "kind", code: .invalidChoice,
                    detail: ProgramScenario.Kind.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        if s.kind == .discount || s.kind == .cashback { s.rewardRate = number("reward_rate", scale: 0.01) ?? 0 }
        if s.kind == .points {
            s.points.perUnit = number("points.per_unit") ?? 0
            s.points.valueMinor = number("points.value_minor", scale: 100) ?? 0
            s.points.expiryMonths = integer("points.expiry_months") ?? 0
            s.points.redemptionLagMonths = integer("points.redemption_lag_months") ?? 0
            s.points.breakage = spread("points.breakage") ?? s.points.breakage
        }
        if s.kind == .tiers {
            s.tiers = (0..<Self.tierRows).compactMap { i in
                let threshold = "tiers.\(i).minimum_yearly_spend_minor"
                let rate = "tiers.\(i).rate"
                let blank = [threshold, rate].allSatisfy {
                    (values[$0] ?? "").trimmingCharacters(in: .whitespaces).isEmpty
                }
                if blank { return nil }
                guard let t = number(threshold, scale: 100), let r = number(rate, scale: 0.01) else { return nil }
                return ProgramScenario.Tier(minimumYearlySpendMinor: t, rate: r)
            }
        }
        s.eligible = LoyaltySegment.allCases.filter { isOn("eligible.\($0.rawValue)") }
        s.participation = spread("participation") ?? s.participation
        s.retentionUplift = spread("retention_uplift") ?? s.retentionUplift
        s.frequencyUplift = spread("frequency_uplift") ?? s.frequencyUplift
        s.spendUplift = spread("spend_uplift") ?? s.spendUplift
        s.grossMargin = number("gross_margin", scale: 0.01) ?? s.grossMargin
        s.monthlyCostMinor = number("monthly_cost_minor", scale: 100) ?? s.monthlyCostMinor
        s.setupCostMinor = number("setup_cost_minor", scale: 100) ?? s.setupCostMinor
        s.horizonMonths = integer("horizon_months") ?? s.horizonMonths
        s.discountRate = number("discount_rate", scale: 0.01) ?? s.discountRate
        s.acquisitionMultiple = number("acquisition_multiple") ?? s.acquisitionMultiple
        if isOn("withdrawal.on") {
            s.withdrawal = ProgramScenario.Withdrawal(
                month: integer("withdrawal.month") ?? 1,
                churnSpike: spread("withdrawal.churn_spike") ?? .fixed(0))
        } else {
            s.withdrawal = nil
        }
        if isOn("service.on") {
            func target(_ name: String) -> Double? {
                (values[name] ?? "").trimmingCharacters(in: .whitespaces).isEmpty ? nil : number(name, scale: 0.01)
            }
            s.service = ProgramScenario.ServiceAlternative(
                onTimeTarget: target("service.on_time_target"), repliesTarget: target("service.replies_target"),
                monthlyCostMinor: number("service.monthly_cost_minor", scale: 100) ?? 0,
                setupCostMinor: number("service.setup_cost_minor", scale: 100) ?? 0)
        } else {
            s.service = nil
        }
        s.runs = integer("runs") ?? s.runs
        if let seed = values["seed"]?.trimmingCharacters(in: .whitespaces), let n = UInt64(seed) {
            s.seed = n
        } else {
            errors.append(FieldError(field: "seed", code: .invalidFormat, detail: "a whole number ≥ 0"))
        }
        if !errors.isEmpty { throw .invalid(errors) }
        return try s.validated()
    }

    static func write(_ spread: Spread, _ name: String, percent asPercent: Bool, into v: inout [String: String]) {
        func format(_ x: Double) -> String { asPercent ? Self.percent(x) : Self.number(x) }
        v["\(name).low"] = format(spread.low)
        v["\(name).likely"] = format(spread.likely)
        v["\(name).high"] = format(spread.high)
    }

    /// A share as per cent for an input: 0.35 → "35", 0.125 → "12.5".
    static func percent(_ x: Double) -> String { number(x * 100) }

    /// A number for an input, without needless decimals.
    static func number(_ x: Double) -> String {
        let rounded = (x * 10_000).rounded() / 10_000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var text = String(format: "%.4f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
