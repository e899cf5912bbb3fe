import EarnedDomain
import FluentKit
import Foundation

/// A person's second factor as the web layer needs it: the sealed secret and whether it is on.
public struct TwoFactorState: Sendable {
    public var sealedSecret: String
    /// Nil while the enrolment waits for its first code.
    public var enabledAt: Date?
    public var isEnabled: Bool { enabledAt != nil }
}

/// A sign-in waiting for its second factor.
public struct SignInChallenge: Sendable {
    public var id: UUID
    public var staff: Staff
    public var attempts: Int
}

/// Passwords, second factors, recovery codes, reset links and second-step sign-ins. Like
/// `SecurityStore`, it receives secrets already hashed or sealed, and writes the audit log.
public struct AccountStore: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    var audit: AuditLog { AuditLog(db: db) }

    // MARK: Passwords

    /// The stored bcrypt hash of a person's password.
    public func passwordHash(of staffID: StaffID) async throws -> String? {
        try await StaffRecord.find(staffID.rawValue, on: db)?.passwordHash
    }

    /// Sets a person's own new password and ends their other sessions (the one with
    /// `keepSession` stays).
    public func changePassword(_ staff: Staff, passwordHash: String, keepSession: String?, now: Date) async throws {
        try await db.transaction { db in
            guard let record = try await StaffRecord.find(staff.id.rawValue, on: db) else {
                throw DomainError.notFound("staff")
            }
            record.passwordHash = passwordHash
            try await record.update(on: db)
            let others = SessionRecord.query(on: db).filter(\.$staffID == staff.id.rawValue)
            if let keepSession { others.filter(\.$tokenHash != keepSession) }
            try await others.delete()
            try await PasswordResetRecord.query(on: db).filter(\.$staffID == staff.id.rawValue).delete()
            try await AuditLog(db: db).record(
                .passwordChanged, "staff", staff.id.rawValue, by: staff, summary: "own password changed", at: now)
        }
    }

    /// Makes a reset link for `staffID` (the owner's act; `actor` nil from the command line);
    /// earlier unused links of that person stop working.
    public func createReset(
        for staffID: StaffID, tokenHash: String, actor: Staff?, now: Date, lifetime: TimeInterval
    ) async throws -> Staff {
        if let actor { try Policy.require(actor, .manageStaff) }
        guard let staff = try await StaffRepository(db: db).find(staffID) else { throw DomainError.notFound("staff") }
        try await db.transaction { db in
            try await PasswordResetRecord.query(on: db).filter(\.$staffID == staffID.rawValue).delete()
            let record = PasswordResetRecord()
            record.id = IDGenerator.next()
            record.staffID = staffID.rawValue
            record.tokenHash = tokenHash
            record.createdByID = actor?.id.rawValue
            record.createdAt = now
            record.expiresAt = now.addingTimeInterval(lifetime)
            try await record.create(on: db)
            try await AuditLog(db: db).record(
                .passwordResetLinkCreated, "staff", staffID.rawValue, by: actor,
                summary: "password reset link made, valid \(Int(lifetime / 3600)) h", at: now)
        }
        return staff
    }

    /// Whose live reset link this is; nil when unknown, used or expired.
    public func resetOwner(tokenHash: String, now: Date) async throws -> Staff? {
        guard let record = try await PasswordResetRecord.query(on: db).filter(\.$tokenHash == tokenHash).first(),
            record.usedAt == nil, record.expiresAt > now,
            let staff = try await StaffRepository(db: db).find(StaffID(record.staffID)), staff.isActive
        else { return nil }
        return staff
    }

    /// Uses a reset link once: sets the password, ends every session and waiting sign-in of
    /// that person. Nil when the link is unknown, used or expired.
    public func completeReset(tokenHash: String, passwordHash: String, now: Date) async throws -> Staff? {
        try await db.transaction { db -> Staff? in
            guard let staffID = try await AccountQueries.claimReset(tokenHash: tokenHash, now: now, on: db),
                let record = try await StaffRecord.find(staffID, on: db), record.isActive,
                let staff = try await StaffRepository(db: db).find(StaffID(staffID))
            else { return nil }
            record.passwordHash = passwordHash
            try await record.update(on: db)
            try await SessionRecord.query(on: db).filter(\.$staffID == staffID).delete()
            try await SignInChallengeRecord.query(on: db).filter(\.$staffID == staffID).delete()
            try await AuditLog(db: db).record(
                .passwordReset, "staff", staffID, by: staff, summary: "password set from a reset link", at: now)
            return staff
        }
    }

    // MARK: Second factor

    public func twoFactor(of staffID: StaffID) async throws -> TwoFactorState? {
        guard let record = try await TwoFactorRecord.query(on: db).filter(\.$staffID == staffID.rawValue).first()
        else { return nil }
        return TwoFactorState(sealedSecret: record.sealedSecret, enabledAt: record.enabledAt)
    }

    /// How many active people have no second factor on (one query, however many people).
    public func activeStaffWithoutTwoFactor() async throws -> Int {
        let enabled = try await TwoFactorRecord.query(on: db).filter(\.$enabledAt != nil).all(\.$staffID)
        let active = StaffRecord.query(on: db).filter(\.$isActive == true)
        if !enabled.isEmpty { active.filter(\.$id !~ enabled) }
        return try await active.count()
    }

    /// Keeps a new, not yet confirmed secret for `staffID`; refused when a factor is already on.
    public func startEnrolment(_ staffID: StaffID, sealedSecret: String, now: Date) async throws {
        let existing = try await TwoFactorRecord.query(on: db).filter(\.$staffID == staffID.rawValue).first()
        if existing?.enabledAt != nil { throw DomainError.conflict("two-factor sign-in is already on") }
        let record = existing ?? TwoFactorRecord()
        if record.id == nil {
            record.id = IDGenerator.next()
            record.staffID = staffID.rawValue
        }
        record.sealedSecret = sealedSecret
        record.lastUsedStep = nil
        record.createdAt = now
        try await record.save(on: db)
    }

    /// Turns the confirmed enrolment on, with the step of the confirming code spent and fresh
    /// recovery codes (their hashes).
    public func enable(_ staff: Staff, step: Int64, recoveryCodeHashes: [String], now: Date) async throws {
        try await db.transaction { db in
            guard let record = try await TwoFactorRecord.query(on: db).filter(\.$staffID == staff.id.rawValue).first(),
                record.enabledAt == nil
            else { throw DomainError.conflict("nothing waits to be turned on") }
            record.enabledAt = now
            record.lastUsedStep = step
            try await record.update(on: db)
            try await Self.replaceCodes(staff.id, recoveryCodeHashes, now: now, on: db)
            try await AuditLog(db: db).record(
                .twoFactorEnabled, "staff", staff.id.rawValue, by: staff,
                summary: "two-factor sign-in on, \(recoveryCodeHashes.count) recovery codes", at: now)
        }
    }

    /// Turns a person's second factor off, by themselves, by the owner, or (`actor` nil) from
    /// the command line.
    public func disable(_ staffID: StaffID, actor: Staff?, now: Date) async throws {
        if let actor, staffID != actor.id { try Policy.require(actor, .manageStaff) }
        let summary =
            actor == nil
            ? "two-factor sign-in reset from the command line"
            : actor?.id == staffID ? "two-factor sign-in turned off" : "two-factor sign-in reset by the owner"
        try await db.transaction { db in
            try await TwoFactorRecord.query(on: db).filter(\.$staffID == staffID.rawValue).delete()
            try await RecoveryCodeRecord.query(on: db).filter(\.$staffID == staffID.rawValue).delete()
            try await AuditLog(db: db).record(
                .twoFactorDisabled, "staff", staffID.rawValue, by: actor, summary: summary, at: now)
        }
    }

    /// Spends a code's time step; false when that step (or a later one) was already used.
    public func claimStep(_ staffID: StaffID, step: Int64) async throws -> Bool {
        try await AccountQueries.claimStep(staffID: staffID.rawValue, step: step, on: db)
    }

    /// Spends a recovery code; false when none unused has this hash.
    public func useRecoveryCode(_ staff: Staff, codeHash: String, now: Date) async throws -> Bool {
        guard
            try await AccountQueries.claimRecoveryCode(staffID: staff.id.rawValue, codeHash: codeHash, now: now, on: db)
        else { return false }
        let left = try await remainingRecoveryCodes(staff.id)
        try await audit.record(
            .recoveryCodeUsed, "staff", staff.id.rawValue, by: staff, summary: "recovery code used, \(left) left",
            at: now)
        return true
    }

    public func remainingRecoveryCodes(_ staffID: StaffID) async throws -> Int {
        try await RecoveryCodeRecord.query(on: db).filter(\.$staffID == staffID.rawValue).filter(\.$usedAt == nil)
            .count()
    }

    /// New recovery codes instead of the old ones.
    public func replaceRecoveryCodes(_ staff: Staff, hashes: [String], now: Date) async throws {
        try await db.transaction { db in
            try await Self.replaceCodes(staff.id, hashes, now: now, on: db)
            try await AuditLog(db: db).record(
                .updated, "staff", staff.id.rawValue, by: staff, summary: "\(hashes.count) new recovery codes", at: now)
        }
    }

    static func replaceCodes(_ staffID: StaffID, _ hashes: [String], now: Date, on db: any Database) async throws {
        try await RecoveryCodeRecord.query(on: db).filter(\.$staffID == staffID.rawValue).delete()
        for hash in hashes {
            let code = RecoveryCodeRecord()
            code.id = IDGenerator.next()
            code.staffID = staffID.rawValue
            code.codeHash = hash
            code.createdAt = now
            try await code.create(on: db)
        }
    }

    /// Whether an API token may act under a second-factor requirement: its owner has a factor
    /// on, and made the token after turning it on.
    public func tokenPassesTwoFactor(tokenHash: String, staffID: StaffID) async throws -> Bool {
        guard let enabledAt = try await twoFactor(of: staffID)?.enabledAt,
            let token = try await APITokenRecord.query(on: db).filter(\.$tokenHash == tokenHash).first()
        else { return false }
        return token.createdAt >= enabledAt
    }

    // MARK: Second step of a sign-in

    public func createChallenge(tokenHash: String, staffID: StaffID, now: Date, lifetime: TimeInterval) async throws {
        try await SignInChallengeRecord.query(on: db).filter(\.$expiresAt < now).delete()
        let record = SignInChallengeRecord()
        record.id = IDGenerator.next()
        record.staffID = staffID.rawValue
        record.tokenHash = tokenHash
        record.attempts = 0
        record.createdAt = now
        record.expiresAt = now.addingTimeInterval(lifetime)
        try await record.create(on: db)
    }

    /// The live waiting sign-in for a token hash, with its active staff member.
    public func challenge(tokenHash: String, now: Date) async throws -> SignInChallenge? {
        guard let record = try await SignInChallengeRecord.query(on: db).filter(\.$tokenHash == tokenHash).first(),
            record.expiresAt > now,
            let staff = try await StaffRepository(db: db).find(StaffID(record.staffID)), staff.isActive
        else { return nil }
        return SignInChallenge(id: record.id!, staff: staff, attempts: record.attempts)
    }

    /// Counts a wrong code; after `limit` of them the waiting sign-in is dropped (the password
    /// must be given again). Returns whether it still stands.
    public func failChallenge(_ id: UUID, limit: Int) async throws -> Bool {
        // One statement, so guesses sent at once through several instances all count.
        guard let attempts = try await AccountQueries.failChallenge(id, on: db) else { return false }
        if attempts >= limit {
            try await deleteChallenge(id)
            return false
        }
        return true
    }

    public func deleteChallenge(_ id: UUID) async throws {
        try await SignInChallengeRecord.query(on: db).filter(\.$id == id).delete()
    }

    // MARK: Rate limits

    /// Counts one API request of `key` in the window starting at minute `window`; returns the
    /// count so far in that window.
    public func countRequest(key: String, window: Int64) async throws -> Int {
        try await AccountQueries.hit(key: key, window: window, on: db)
    }
}
