import FluentKit
import Foundation

/// A person's TOTP secret, sealed (AES-GCM) by the web layer before it gets here. Without
/// `enabledAt` it is an enrolment not yet confirmed with a code.
final class TwoFactorRecord: Model, @unchecked Sendable {
    static let schema = "two_factor_secrets"

    @ID(key: .id) var id: UUID?
    @Field(key: "staff_id") var staffID: UUID
    @Field(key: "sealed_secret") var sealedSecret: String
    @OptionalField(key: "enabled_at") var enabledAt: Date?
    /// The last time step whose code was accepted: a code is good once.
    @OptionalField(key: "last_used_step") var lastUsedStep: Int64?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A one-time recovery code; only its SHA-256 is stored.
final class RecoveryCodeRecord: Model, @unchecked Sendable {
    static let schema = "recovery_codes"

    @ID(key: .id) var id: UUID?
    @Field(key: "staff_id") var staffID: UUID
    @Field(key: "code_hash") var codeHash: String
    @OptionalField(key: "used_at") var usedAt: Date?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A one-time password-reset link an owner made; only the SHA-256 of its token is stored.
final class PasswordResetRecord: Model, @unchecked Sendable {
    static let schema = "password_resets"

    @ID(key: .id) var id: UUID?
    @Field(key: "staff_id") var staffID: UUID
    @Field(key: "token_hash") var tokenHash: String
    @OptionalField(key: "created_by_id") var createdByID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}
}

/// A sign-in whose password was right, waiting for its second factor. It is not a session:
/// nothing but the code page knows its cookie.
final class SignInChallengeRecord: Model, @unchecked Sendable {
    static let schema = "sign_in_challenges"

    @ID(key: .id) var id: UUID?
    @Field(key: "staff_id") var staffID: UUID
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}
}
