import Crypto
import Foundation
import Vapor

/// Seals the second-factor secrets (AES-256-GCM, the person's id as associated data, so a
/// sealed secret copied to another account does not open). The key comes from
/// `EARNED_SECRET_KEY` (stretched with HKDF-SHA256); without it, from a key file beside the
/// SQLite database, made on first start; an in-memory database gets a key for the process.
/// PostgreSQL without the variable has no key: two-factor sign-in cannot be set up there.
struct SecretBox: Sendable {
    let key: SymmetricKey

    init(key: SymmetricKey) { self.key = key }

    init(passphrase: String) {
        key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: Data(passphrase.utf8)), salt: Data("earned".utf8),
            info: Data("earned two-factor secrets v1".utf8), outputByteCount: 32)
    }

    struct KeyFileProblem: Error, CustomStringConvertible {
        var description: String
    }

    /// The key in `path`, or a new one written there (readable by this user only).
    init(keyFile path: String) throws {
        let manager = FileManager.default
        if let data = manager.contents(atPath: path) {
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let bytes = Data(base64Encoded: text), bytes.count == 32 else {
                throw KeyFileProblem(
                    description:
                        "\(path) is not a key Earned wrote (32 bytes in base64); restore it or set EARNED_SECRET_KEY")
            }
            key = SymmetricKey(data: bytes)
            return
        }
        let fresh = SymmetricKey(size: .bits256)
        let text = fresh.withUnsafeBytes { Data($0).base64EncodedString() } + "\n"
        guard manager.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw KeyFileProblem(description: "cannot write the key file \(path); set EARNED_SECRET_KEY instead")
        }
        key = fresh
    }

    /// The box this configuration calls for; nil on PostgreSQL without `EARNED_SECRET_KEY`.
    static func resolve(_ config: Config) throws -> SecretBox? {
        if let passphrase = config.secretKey { return SecretBox(passphrase: passphrase) }
        switch config.database {
        case .sqlite(let path): return try SecretBox(keyFile: path + ".key")
        case .sqliteMemory: return SecretBox(key: SymmetricKey(size: .bits256))
        case .postgres: return nil
        }
    }

    func seal(_ secret: [UInt8], for owner: UUID) throws -> String {
        let box = try AES.GCM.seal(secret, using: key, authenticating: Data(owner.uuidString.utf8))
        guard let combined = box.combined else { throw Abort(.internalServerError, reason: "sealing failed") }
        return "v1:" + combined.base64EncodedString()
    }

    /// The secret, or nil when it was sealed with another key or for another person.
    func open(_ sealed: String, for owner: UUID) -> [UInt8]? {
        guard sealed.hasPrefix("v1:"), let data = Data(base64Encoded: String(sealed.dropFirst(3))),
            let box = try? AES.GCM.SealedBox(combined: data),
            let plain = try? AES.GCM.open(box, using: key, authenticating: Data(owner.uuidString.utf8))
        else { return nil }
        return Array(plain)
    }
}

extension Application {
    private struct SecretBoxKey: StorageKey {
        typealias Value = SecretBox
    }

    /// Set once by `configure`; nil when no key is configured (see `SecretBox`).
    var secretBox: SecretBox? {
        get { storage[SecretBoxKey.self] }
        set { storage[SecretBoxKey.self] = newValue }
    }
}
