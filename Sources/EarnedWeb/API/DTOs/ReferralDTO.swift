import EarnedDomain
import Foundation

struct ReferralDTO: APIObject {
    var id: UUID
    var referrer_id: UUID
    var referred_id: UUID
    var order_id: UUID?
    var recorded_by_id: UUID?
    var recorded_at: Date

    init(_ r: Referral) {
        id = r.id.rawValue
        referrer_id = r.referrerID.rawValue
        referred_id = r.referredID.rawValue
        order_id = r.orderID?.rawValue
        recorded_by_id = r.recordedByID?.rawValue
        recorded_at = r.recordedAt
    }
}
