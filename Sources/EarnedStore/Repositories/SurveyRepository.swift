import EarnedDomain
import FluentKit
import Foundation

/// Surveys: definitions (the owner's), one-time invitations (created by the scheduler, once
/// per key; only a hash of each link's token is kept) and answers.
public struct SurveyRepository: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    // MARK: Definitions

    /// Every survey, the active ones first, by name.
    public func definitions() async throws -> [SurveyDefinition] {
        try await SurveyDefinitionRecord.query(on: db).sort(\.$name).all().map { try $0.domain() }
            .sorted { ($0.isActive ? 0 : 1, $0.name) < ($1.isActive ? 0 : 1, $1.name) }
    }

    public func definition(_ id: SurveyDefinitionID) async throws -> SurveyDefinition {
        try await SurveyDefinitionRecord.value(id.rawValue, entity: "survey", on: db)
    }

    public func create(
        _ draft: SurveyDefinitionDraft, actor: Staff, now: Date, id: SurveyDefinitionID = SurveyDefinitionID()
    ) async throws -> SurveyDefinition {
        try Policy.require(actor, .manageSurveys)
        let definition = try draft.validated(id: id, now: now)
        try await db.transaction { db in
            try await SurveyDefinitionRecord(definition).create(on: db)
            try await AuditLog(db: db).record(
                .created, "survey", id.rawValue, by: actor, summary: definition.name, at: now)
        }
        return definition
    }

    public func change(
        _ id: SurveyDefinitionID, _ draft: SurveyDefinitionDraft, actor: Staff, now: Date
    ) async throws -> SurveyDefinition {
        try Policy.require(actor, .manageSurveys)
        let existing = try await definition(id)
        let changed = try draft.validated(id: id, now: now, existing: existing)
        try await db.transaction { db in
            try await SurveyDefinitionRecord.overwrite(
                id.rawValue, with: changed, entity: "survey", by: actor, summary: "survey settings", at: now, on: db)
        }
        return changed
    }

    /// Stores definitions as they are (the demo's).
    public func insert(_ definitions: [SurveyDefinition]) async throws {
        for definition in definitions { try await SurveyDefinitionRecord(definition).create(on: db) }
    }

    // MARK: Invitations

    /// The keys among `keys` that already have an invitation.
    public func existingKeys(_ keys: [String]) async throws -> Set<String> {
        var found = Set<String>()
        for start in stride(from: 0, to: keys.count, by: 500) {
            let batch = Array(keys[start..<min(start + 500, keys.count)])
            for record in try await SurveyInvitationRecord.query(on: db).filter(\.$key ~~ batch).field(\.$key).all() {
                found.insert(record.key)
            }
        }
        return found
    }

    /// Inserts the invitations whose keys are new and returns those this call created; a key
    /// another instance created first is left alone, so each invitation exists once.
    public func createNew(_ invitations: [SurveyInvitation], sentAt: Date? = nil) async throws -> [SurveyInvitation] {
        guard !invitations.isEmpty else { return [] }
        let created = try await SurveyInvitationQueries.insertNew(invitations, sentAt: sentAt, on: db)
        return invitations.filter { created.contains($0.id.rawValue) }
    }

    static let invitationColumns = [
        "id", "key", "definition_id", "customer_id", "subject_kind", "subject_id", "channel", "language", "send_at",
        "expires_at", "token_hash", "state", "answered_at", "sent_at", "staff_id", "role", "location_id", "shift_name",
        "served_channel", "served_at", "created_at",
    ]

    static func values(_ i: SurveyInvitation, sentAt: Date?) -> [BulkValue] {
        let a = AttributionColumns(i.attribution)
        return [
            .uuid(i.id.rawValue), .text(i.key), .uuid(i.definitionID.rawValue), .uuid(i.customerID.rawValue),
            .text(i.subject.kind.rawValue), .uuid(i.subject.id), .text(i.channel.rawValue), .text(i.language),
            .date(i.sendAt), .date(i.expiresAt), .text(i.tokenHash), .text(i.storedState.rawValue),
            .date(i.answeredAt), .date(sentAt), .uuid(a.staffID), .text(a.role), .uuid(a.locationID),
            .text(a.shiftName), .text(a.servedChannel), .date(a.servedAt), .date(i.createdAt),
        ]
    }

    /// The invitation a link's token opens, by the token's hash.
    public func invitation(tokenHash: String) async throws -> SurveyInvitation? {
        try await SurveyInvitationRecord.query(on: db).filter(\.$tokenHash == tokenHash).first()?.domain
    }

    /// An invitation of a location the actor sees.
    public func invitation(_ id: SurveyInvitationID, actor: Staff) async throws -> SurveyInvitation {
        guard let record = try await SurveyInvitationRecord.find(id.rawValue, on: db),
            actor.canSee(location: record.locationID.map(LocationID.init)) || record.staffID == actor.id.rawValue
        else { throw DomainError.notFound("survey invitation") }
        return record.domain
    }

    /// When the invitation was handed to a gateway or to a person to send.
    public func sentAt(_ id: SurveyInvitationID) async throws -> Date? {
        try await SurveyInvitationRecord.find(id.rawValue, on: db)?.sentAt
    }

    /// The key of the task that asks a person to send an invitation's link by hand.
    public static func sendTaskKey(_ id: SurveyInvitationID) -> String { "survey-send:\(id)" }

    /// Gives an open invitation a new link (a person sends it by hand, or the first was lost):
    /// the old token stops working, and the task of sending it is done, whether the link was
    /// taken from the page or the API. Returns the invitation with its new hash.
    public func renewLink(
        _ id: SurveyInvitationID, tokenHash: String, actor: Staff, now: Date
    ) async throws -> SurveyInvitation {
        let invitation = try await invitation(id, actor: actor)
        let access = SurveyAccess.check(invitation, now: now)
        if let error = access.error { throw error }
        try await db.transaction { db in
            guard try await SurveyInvitationQueries.renewLink(id, tokenHash: tokenHash, now: now, on: db) else {
                throw SurveyAccess.alreadyAnswered.error ?? DomainError.conflict("")
            }
            try await SurveyInvitationQueries.completeOpenTask(
                key: Self.sendTaskKey(id), actor: actor.id, now: now, on: db)
            try await AuditLog(db: db).record(
                .updated, "survey_invitation", id.rawValue, by: actor, summary: "new link", at: now)
        }
        var renewed = invitation
        renewed.tokenHash = tokenHash
        return renewed
    }

    /// Invitations of the locations the actor sees (and their own), newest first.
    public func invitations(
        actor: Staff, state: SurveyInvitation.State? = nil, customer: CustomerID? = nil, now: Date, limit: Int = 200
    ) async throws -> [SurveyInvitation] {
        let query = SurveyInvitationRecord.query(on: db).filter(\.$sendAt <= now)
        if let visible = actor.visibleLocationIDs {
            // Staff see their own location's invitations and the ones about customers they served.
            query.group(.or) {
                $0.filter(\.$locationID ~~ visible.map(\.rawValue)).filter(\.$staffID == actor.id.rawValue)
            }
        }
        if let customer { query.filter(\.$customerID == customer.rawValue) }
        switch state {
        case .open: query.filter(\.$state == "open").filter(\.$expiresAt > now)
        case .expired:
            query.group(.or) {
                $0.filter(\.$state == "expired").group(.and) {
                    $0.filter(\.$state == "open").filter(\.$expiresAt <= now)
                }
            }
        case .answered: query.filter(\.$state == "answered")
        case nil: break
        }
        return try await query.sort(\.$sendAt, .descending).limit(limit).all().map(\.domain)
    }

    /// A customer's invitations and answers, for their page.
    public func responses(of customer: CustomerID) async throws -> [SurveyResponse] {
        try await SurveyAnswerRecord.query(on: db).filter(\.$customerID == customer.rawValue)
            .sort(\.$answeredAt, .descending).all().map(\.domain)
    }

    public func response(_ id: SurveyAnswerID, actor: Staff) async throws -> SurveyResponse {
        guard let record = try await SurveyAnswerRecord.find(id.rawValue, on: db),
            actor.canSee(location: record.locationID.map(LocationID.init)) || record.staffID == actor.id.rawValue
        else { throw DomainError.notFound("survey answer") }
        return record.domain
    }

    /// Answers of the locations the actor sees, newest first.
    public func responses(
        actor: Staff, from: Date? = nil, to: Date? = nil, lowOnly: Bool = false, limit: Int = 200
    ) async throws -> [SurveyResponse] {
        try Policy.require(actor, .viewSurveys)
        let query = SurveyAnswerRecord.query(on: db)
        if let visible = actor.visibleLocationIDs { query.filter(\.$locationID ~~ visible.map(\.rawValue)) }
        if let from { query.filter(\.$answeredAt >= from) }
        if let to { query.filter(\.$answeredAt <= to) }
        if lowOnly { query.filter(\.$caseID != nil) }
        return try await query.sort(\.$answeredAt, .descending).limit(limit).all().map(\.domain)
    }
}
