import EarnedDomain
import FluentKit
import Foundation

/// A signed-in session as the web layer sees it.
public struct SessionInfo: Sendable {
    public var id: UUID
    public var staff: Staff
    public var csrfToken: String
    public var expiresAt: Date
}

/// An API token as its owner sees it (never the secret).
public struct APITokenInfo: Sendable, Codable {
    public var id: UUID
    public var staffID: UUID
    public var name: String
    public var prefix: String
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?
}

/// The answer stored for an Idempotency-Key.
public struct StoredResponse: Sendable {
    public var requestHash: String
    /// 0 while the request that claimed the key is still running.
    public var statusCode: Int
    public var body: String
}

/// Sessions, failed sign-ins, API tokens and idempotency keys. Secrets arrive here already
/// hashed (SHA-256, by the web layer): the database never holds one in the clear.
public struct SecurityStore: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    // MARK: Sessions

    public func createSession(tokenHash: String, staffID: StaffID, csrfToken: String, now: Date, lifetime: TimeInterval)
        async throws
    {
        let record = SessionRecord()
        record.id = IDGenerator.next()
        record.tokenHash = tokenHash
        record.staffID = staffID.rawValue
        record.csrfToken = csrfToken
        record.createdAt = now
        record.expiresAt = now.addingTimeInterval(lifetime)
        try await record.create(on: db)
    }

    /// The live session for a token hash, with its active staff member.
    public func session(tokenHash: String, now: Date) async throws -> SessionInfo? {
        guard let record = try await SessionRecord.query(on: db).filter(\.$tokenHash == tokenHash).first(),
            record.expiresAt > now,
            let staff = try await StaffRepository(db: db).find(StaffID(record.staffID)), staff.isActive
        else { return nil }
        return SessionInfo(id: record.id!, staff: staff, csrfToken: record.csrfToken, expiresAt: record.expiresAt)
    }

    public func deleteSession(tokenHash: String) async throws {
        try await SessionRecord.query(on: db).filter(\.$tokenHash == tokenHash).delete()
    }

    // MARK: Throttling

    /// The failures recorded for `key` since `since`.
    public func failures(key: String, since: Date) async throws -> Int {
        try await SignInFailureRecord.query(on: db).filter(\.$key == key).filter(\.$at >= since).count()
    }

    public func recordFailure(key: String, now: Date) async throws {
        let record = SignInFailureRecord()
        record.id = IDGenerator.next()
        record.key = key
        record.at = now
        try await record.create(on: db)
    }

    public func clearFailures(key: String) async throws {
        try await SignInFailureRecord.query(on: db).filter(\.$key == key).delete()
    }

    /// Removes expired sessions, old failures and idempotency keys older than `keep`.
    /// Expired sign-in challenges and reset links, and API rate windows before the last minute,
    /// go too. The scheduler runs it every pass, so these tables hold what is live.
    public func sweep(now: Date, keep: TimeInterval = 86_400) async throws {
        try await SessionRecord.query(on: db).filter(\.$expiresAt < now).delete()
        try await SignInFailureRecord.query(on: db).filter(\.$at < now.addingTimeInterval(-keep)).delete()
        try await IdempotencyRecord.query(on: db).filter(\.$createdAt < now.addingTimeInterval(-keep)).delete()
        try await SignInChallengeRecord.query(on: db).filter(\.$expiresAt < now).delete()
        try await PasswordResetRecord.query(on: db).filter(\.$expiresAt < now).delete()
        let minute = Int64((now.timeIntervalSince1970 / 60).rounded(.down))
        try await AccountQueries.dropRateWindows(before: minute - 1, on: db)
    }

    // MARK: API tokens

    public func createToken(staffID: StaffID, name: String, tokenHash: String, prefix: String, now: Date) async throws
        -> APITokenInfo
    {
        var v = Validator()
        let name = v.text("name", name, required: true, max: 80)
        try v.check()
        let record = APITokenRecord()
        record.id = IDGenerator.next()
        record.staffID = staffID.rawValue
        record.name = name ?? ""
        record.tokenHash = tokenHash
        record.prefix = prefix
        record.createdAt = now
        try await record.create(on: db)
        return Self.info(record)
    }

    public func tokens(of staffID: StaffID) async throws -> [APITokenInfo] {
        try await APITokenRecord.query(on: db).filter(\.$staffID == staffID.rawValue).sort(\.$createdAt, .descending)
            .all().map(Self.info)
    }

    public func revokeToken(_ id: UUID, of staffID: StaffID, now: Date) async throws {
        guard let record = try await APITokenRecord.find(id, on: db), record.staffID == staffID.rawValue else {
            throw DomainError.notFound("token")
        }
        if record.revokedAt == nil {
            record.revokedAt = now
            try await record.update(on: db)
        }
    }

    /// The staff member a live token acts for; marks the token used.
    public func staff(forTokenHash hash: String, now: Date) async throws -> Staff? {
        guard let record = try await APITokenRecord.query(on: db).filter(\.$tokenHash == hash).first(),
            record.revokedAt == nil,
            let staff = try await StaffRepository(db: db).find(StaffID(record.staffID)), staff.isActive
        else { return nil }
        if record.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            record.lastUsedAt = now
            try await record.update(on: db)
        }
        return staff
    }

    static func info(_ record: APITokenRecord) -> APITokenInfo {
        APITokenInfo(
            id: record.id!, staffID: record.staffID, name: record.name, prefix: record.prefix,
            createdAt: record.createdAt, lastUsedAt: record.lastUsedAt, revokedAt: record.revokedAt)
    }

    // MARK: Idempotency

    public func storedResponse(owner: UUID, key: String) async throws -> StoredResponse? {
        guard
            let record = try await IdempotencyRecord.query(on: db).filter(\.$ownerID == owner).filter(\.$key == key)
                .first()
        else { return nil }
        return StoredResponse(requestHash: record.requestHash, statusCode: record.statusCode, body: record.responseBody)
    }

    /// Claims a key before the work starts (status 0 = in progress); false when another request
    /// holds it. A claim still in progress after `lease` belongs to a request that died (a
    /// writing request's claim commits only with its finished answer, so only a request outside
    /// a transaction can leave one): it is taken over.
    public func claim(owner: UUID, key: String, requestHash: String, now: Date, lease: TimeInterval) async throws
        -> Bool
    {
        try await IdempotencyRecord.query(on: db).filter(\.$ownerID == owner).filter(\.$key == key)
            .filter(\.$statusCode == 0).filter(\.$createdAt < now.addingTimeInterval(-lease)).delete()
        return try await IdempotencyClaims.claim(owner: owner, key: key, requestHash: requestHash, now: now, on: db)
    }

    /// Stores the answer for a claimed key.
    public func complete(owner: UUID, key: String, statusCode: Int, body: String, resourceID: UUID?) async throws {
        try await IdempotencyRecord.query(on: db).filter(\.$ownerID == owner).filter(\.$key == key)
            .set(\.$statusCode, to: statusCode).set(\.$responseBody, to: body).set(\.$resourceID, to: resourceID)
            .update()
    }

    /// Frees a key whose request failed, so a retry can run.
    public func release(owner: UUID, key: String) async throws {
        try await IdempotencyRecord.query(on: db).filter(\.$ownerID == owner).filter(\.$key == key).delete()
    }
}
