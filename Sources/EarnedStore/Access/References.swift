import EarnedDomain
import FluentKit
import Foundation

/// The ids a request names, checked before anything is written: every unknown one is reported
/// by its field at once (`unknownReference`), so a foreign key never has to refuse a write.
/// A customer the actor may not see counts as unknown, as its page would.
public struct References: Sendable {
    public enum Kind: Sendable {
        case customer, location, staff, order, serviceCase, contact
        /// What may open a case: a contact, a survey answer, an incident or an order.
        case caseSource
    }

    private var wanted: [Wanted] = []

    struct Wanted: Sendable {
        var field: String
        var kind: Kind
        var id: UUID
    }

    public init() {}

    public mutating func add(_ field: String, _ kind: Kind, _ id: UUID?) {
        if let id { wanted.append(Wanted(field: field, kind: kind, id: id)) }
    }

    /// The fields whose ids do not exist (or are not the actor's to see).
    public func unknown(actor: Staff?, on db: any Database) async throws -> [FieldError] {
        var errors: [FieldError] = []
        for item in wanted where !(try await Self.exists(item.kind, item.id, actor: actor, on: db)) {
            errors.append(FieldError(field: item.field, code: .unknownReference))
        }
        return errors
    }

    /// Throws `invalid` naming every unknown id.
    public func verify(actor: Staff?, on db: any Database) async throws {
        let errors = try await unknown(actor: actor, on: db)
        if !errors.isEmpty { throw DomainError.invalid(errors) }
    }

    static func exists(_ kind: Kind, _ id: UUID, actor: Staff?, on db: any Database) async throws -> Bool {
        switch kind {
        case .customer:
            guard let actor else { return try await CustomerRecord.find(id, on: db) != nil }
            return try await CustomerRepository(db: db).found(CustomerID(id), actor: actor) != nil
        case .location: return try await LocationRecord.find(id, on: db) != nil
        case .staff: return try await StaffRecord.find(id, on: db) != nil
        case .order: return try await OrderRecord.find(id, on: db) != nil
        case .serviceCase: return try await ServiceCaseRecord.find(id, on: db) != nil
        case .contact: return try await InboundContactRecord.find(id, on: db) != nil
        case .caseSource:
            if try await InboundContactRecord.find(id, on: db) != nil { return true }
            if try await SurveyAnswerRecord.find(id, on: db) != nil { return true }
            if try await IncidentRecord.find(id, on: db) != nil { return true }
            return try await OrderRecord.find(id, on: db) != nil
        }
    }
}
