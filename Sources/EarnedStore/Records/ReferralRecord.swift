import EarnedDomain
import FluentKit
import Foundation

/// Who referred whom.
final class ReferralRecord: Model, @unchecked Sendable {
    static let schema = "referrals"

    @ID(key: .id) var id: UUID?
    @Field(key: "referrer_id") var referrerID: UUID
    @Field(key: "referred_id") var referredID: UUID
    @OptionalField(key: "order_id") var orderID: UUID?
    @OptionalField(key: "recorded_by_id") var recordedByID: UUID?
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}

    init(_ r: Referral) {
        id = r.id.rawValue
        referrerID = r.referrerID.rawValue
        referredID = r.referredID.rawValue
        orderID = r.orderID?.rawValue
        recordedByID = r.recordedByID?.rawValue
        recordedAt = r.recordedAt
    }

    var domain: Referral {
        Referral(
            id: ReferralID(id!), referrerID: CustomerID(referrerID), referredID: CustomerID(referredID),
            recordedAt: recordedAt, recordedByID: recordedByID.map(StaffID.init), orderID: orderID.map(OrderID.init))
    }
}
