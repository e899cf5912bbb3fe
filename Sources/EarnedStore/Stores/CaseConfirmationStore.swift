import EarnedDomain
import FluentKit
import Foundation

final class CaseConfirmationRecord: Model, @unchecked Sendable {
    static let schema = "case_confirmations"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "case_id") var caseID: UUID
    @OptionalField(key: "customer_id") var customerID: UUID?
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    @OptionalField(key: "answer") var answer: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// The "is it solved?" links of resolved cases, and the customer's answer through one.
public struct CaseConfirmationStore: Sendable {
    public let db: any Database

    public init(db: any Database) { self.db = db }

    public enum Link: Sendable, Hashable {
        case valid(ServiceCase)
        /// Answered already.
        case used
        /// Unknown, expired, or of a case since gone.
        case invalid
    }

    public func mint(hash: String, case id: CaseID, customer: CustomerID, expires: Date, now: Date) async throws {
        let record = CaseConfirmationRecord()
        record.tokenHash = hash
        record.caseID = id.rawValue
        record.customerID = customer.rawValue
        record.expiresAt = expires
        record.createdAt = now
        try await record.create(on: db)
    }

    public func link(hash: String, now: Date) async throws -> Link {
        guard let record = try await CaseConfirmationRecord.query(on: db).filter(\.$tokenHash == hash).first() else {
            return .invalid
        }
        if record.usedAt != nil { return .used }
        guard record.expiresAt > now, let found = try await ServiceCaseRecord.find(record.caseID, on: db) else {
            return .invalid
        }
        return .valid(try found.domain())
    }

    /// The customer's answer through a live link, once: `rule` changes the case (confirm or
    /// reopen), recorded in the audit log as the customer's. Nil when the link is not live.
    public func answer(
        hash: String, answer: String, now: Date,
        _ rule: @escaping @Sendable (inout ServiceCase) throws(DomainError) -> Void
    ) async throws -> ServiceCase? {
        try await db.transaction { db in
            guard
                let id = try await LinkQueries.spend(
                    CaseConfirmationRecord.schema, hash: hash, now: now, also: [("answer", answer)],
                    returning: ["case_id"], on: db
                )?.decode(column: "case_id", as: UUID.self),
                let record = try await ServiceCaseRecord.find(id, on: db)
            else { return nil }
            var changed = try record.domain()
            try rule(&changed)
            changed.updatedAt = now
            try record.apply(changed)
            try await record.update(on: db)
            try await AuditLog(db: db).record(
                .updated, "case", id, by: nil, summary: "the customer answered by link: \(answer)", at: now)
            return changed
        }
    }
}
