import Foundation

public typealias ReferralID = Identifier<Referral>

/// One customer bringing another: who referred whom, when it was recorded and by whom, and the
/// order it led to when known.
public struct Referral: Hashable, Codable, Sendable, Identifiable {
    public var id: ReferralID
    public var referrerID: CustomerID
    public var referredID: CustomerID
    public var recordedAt: Date
    public var recordedByID: StaffID?
    /// The referred customer's order that the referral led to.
    public var orderID: OrderID?

    public init(
        id: ReferralID = ReferralID(), referrerID: CustomerID, referredID: CustomerID, recordedAt: Date,
        recordedByID: StaffID? = nil, orderID: OrderID? = nil
    ) {
        self.id = id
        self.referrerID = referrerID
        self.referredID = referredID
        self.recordedAt = recordedAt
        self.recordedByID = recordedByID
        self.orderID = orderID
    }
}

/// What a person or the API supplies to record a referral or to correct one.
public struct ReferralDraft: Sendable, Codable, Hashable {
    public var referrerID: CustomerID?
    public var referredID: CustomerID?
    public var recordedByID: StaffID?
    public var orderID: OrderID?

    public init(
        referrerID: CustomerID? = nil, referredID: CustomerID? = nil, recordedByID: StaffID? = nil,
        orderID: OrderID? = nil
    ) {
        self.referrerID = referrerID
        self.referredID = referredID
        self.recordedByID = recordedByID
        self.orderID = orderID
    }

    /// The referral, or every bad field at once: `referrer_id` and `referred_id` are required
    /// and must differ (a customer cannot refer themselves). An existing referral keeps its
    /// `recordedAt`.
    public func validated(id: ReferralID, now: Date, existing: Referral? = nil) throws(DomainError) -> Referral {
        var v = Validator()
        let referrerID = referrerID ?? existing?.referrerID
        let referredID = referredID ?? existing?.referredID
        if referrerID == nil { v.add("referrer_id", .required) }
        if referredID == nil { v.add("referred_id", .required) }
        if let referrerID, referrerID == referredID {
            v.add("referred_id", .inconsistent, detail: "a customer cannot refer themselves")
        }
        try v.check()
        return Referral(
            id: id, referrerID: referrerID!, referredID: referredID!, recordedAt: existing?.recordedAt ?? now,
            recordedByID: recordedByID ?? existing?.recordedByID, orderID: orderID ?? existing?.orderID)
    }
}
