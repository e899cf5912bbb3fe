import EarnedDomain
import FluentKit
import Foundation

/// Referrals: a customer the actor may see brought another one. Each pair once.
public struct ReferralRepository: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    public func record(_ draft: ReferralDraft, actor: Staff, now: Date) async throws -> Referral {
        var draft = draft
        draft.recordedByID = actor.id
        let referral = try draft.validated(id: ReferralID(), now: now)
        _ = try await CustomerRepository(db: db).get(referral.referrerID, actor: actor)
        var references = References()
        references.add("referred_id", .customer, referral.referredID.rawValue)
        references.add("order_id", .order, referral.orderID?.rawValue)
        try await references.verify(actor: actor, on: db)
        let known = try await ReferralRecord.query(on: db).filter(\.$referrerID == referral.referrerID.rawValue)
            .filter(\.$referredID == referral.referredID.rawValue).first()
        if known != nil {
            throw DomainError.invalid([FieldError(field: "referred_id", code: .duplicate, detail: "this referral")])
        }
        try await db.transaction { db in
            try await ReferralRecord(referral).create(on: db)
            try await AuditLog(db: db).record(
                .created, "referral", referral.id.rawValue, by: actor, summary: "referrer, referred", at: now)
        }
        return referral
    }

    /// The referrals a customer gave and the one that brought them.
    public func of(_ customer: CustomerID) async throws -> (gave: [Referral], broughtBy: [Referral]) {
        let gave = try await ReferralRecord.query(on: db).filter(\.$referrerID == customer.rawValue)
            .sort(\.$recordedAt, .descending).all().map(\.domain)
        let brought = try await ReferralRecord.query(on: db).filter(\.$referredID == customer.rawValue).all().map(
            \.domain)
        return (gave, brought)
    }
}
