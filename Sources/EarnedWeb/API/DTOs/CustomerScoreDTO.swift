import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation

/// What the last score run says about one customer, as their page shows it: the loyalty
/// segment and the reason that placed it (a code and the sentence in the reader's language),
/// the facts that go with it, the next action, the risks, and the lifetime model's outlook —
/// P(alive), expected purchases in the coming year and lifetime value (minor units), each with the
/// limits of its 90 % interval, null where the model has not enough data for this customer.
struct CustomerScoreDTO: APIObject {
    var customer_id: UUID
    var name: String?
    var segment: String
    var segment_name: String
    var at_risk: Bool
    var risks: [String]
    var purchases: Int
    var probability_alive: Double?
    var expected_purchases: Double?
    var lifetime_value: Int64?
    /// [lower, upper] of the 90 % intervals.
    var probability_alive_interval: [Double]?
    var expected_purchases_interval: [Double]?
    var lifetime_value_interval: [Int64]?
    var currency: String?
    var discount_share: Double?
    var attitude: String?
    var patronage: String?
    var exclusivity: String?
    var discount_dependent: Bool?
    var reason: WordedDTO?
    var context: [WordedDTO]
    var next_action: WordedDTO?

    /// A code a program can branch on, and its sentence for a person.
    struct WordedDTO: APIObject {
        var code: String
        var text: String
    }

    init(_ row: CustomerScoreRow, name: String?, s: Strings) {
        let a = try? ScoreStore.decode(LoyaltyAssessment.self, document: row.document)
        customer_id = row.customerID.rawValue
        self.name = name
        segment = row.segment
        segment_name = s.segmentName(row.segment)
        at_risk = row.atRisk
        risks = a?.risks.map(Self.code) ?? []
        purchases = row.purchases
        probability_alive = row.probabilityAlive.flatMap { $0.isFinite ? $0 : nil }
        expected_purchases = row.expectedPurchases.flatMap { $0.isFinite ? $0 : nil }
        lifetime_value = row.lifetimeValueMinor
        probability_alive_interval = row.aliveLimits.map { [$0.lowerBound, $0.upperBound] }
        expected_purchases_interval = row.purchasesLimits.map { [$0.lowerBound, $0.upperBound] }
        lifetime_value_interval = row.valueLimitsMinor.map { [$0.lowerBound, $0.upperBound] }
        currency = row.currency
        discount_share = row.discountShare.flatMap { $0.isFinite ? $0 : nil }
        attitude = a?.attitude.rawValue
        patronage = a?.patronage.rawValue
        exclusivity = a?.exclusivity.rawValue
        discount_dependent = a?.isDiscountDependent
        reason = a.map { WordedDTO(code: Self.code($0.reason), text: s.reasonText($0.reason)) }
        context = a?.context.map { WordedDTO(code: Self.code($0), text: s.reasonText($0)) } ?? []
        next_action = a.map { WordedDTO(code: Self.code($0.nextAction), text: s.actionText($0.nextAction)) }
    }

    /// The case name of a coded reason, action or risk, in snake_case ("buys_mostly_on_discount").
    static func code<Value: Encodable>(_ value: Value) -> String {
        guard let data = try? JSONEncoder().encode(value),
            let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return "" }
        let name = (object as? [String: Any])?.keys.first ?? (object as? String) ?? ""
        return name.reduce(into: "") { out, ch in
            if ch.isUppercase {
                out += "_" + ch.lowercased()
            } else {
                out.append(ch)
            }
        }
    }
}
