import Foundation
import Testing

@testable import EarnedDomain

@Suite("Referrals")
struct ReferralTests {
    let now = PromiseFixture.now
    let anna = CustomerID()
    let boris = CustomerID()

    @Test("a referral records who brought whom, when and by whom")
    func recorded() throws {
        let id = ReferralID()
        let order = OrderID()
        let referral = try ReferralDraft(
            referrerID: anna, referredID: boris, recordedByID: PromiseFixture.ownerID, orderID: order
        ).validated(id: id, now: now)
        #expect(
            referral
                == Referral(
                    id: id, referrerID: anna, referredID: boris, recordedAt: now, recordedByID: PromiseFixture.ownerID,
                    orderID: order))
    }

    @Test("both customers are required")
    func missing() {
        let fields = PromiseFixture.invalidFields { _ = try ReferralDraft().validated(id: ReferralID(), now: now) }
        #expect(fields == ["referrer_id", "referred_id"])
    }

    @Test("a customer cannot refer themselves")
    func selfReferral() {
        let fields = PromiseFixture.invalidFields {
            _ = try ReferralDraft(referrerID: anna, referredID: anna).validated(id: ReferralID(), now: now)
        }
        #expect(fields == ["referred_id"])
    }

    @Test("a correction keeps the recording time and checks the combined fields")
    func correction() throws {
        let existing = try ReferralDraft(referrerID: anna, referredID: boris).validated(
            id: ReferralID(), now: now - 86_400)
        let order = OrderID()
        let corrected = try ReferralDraft(orderID: order).validated(id: existing.id, now: now, existing: existing)
        #expect(corrected.recordedAt == existing.recordedAt && corrected.orderID == order)
        #expect(corrected.referrerID == anna && corrected.referredID == boris)
        let fields = PromiseFixture.invalidFields {
            _ = try ReferralDraft(referredID: anna).validated(id: existing.id, now: now, existing: existing)
        }
        #expect(fields == ["referred_id"])
    }
}
