import Crypto
import Foundation

/// Seals secrets kept in the database (AES-256-GCM): the second-factor secrets, with the
/// person's id as associated data, so a sealed secret copied to another account does not open;
/// mail passwords and bot tokens with their settings scope. The key comes from
/// `EARNED_SECRET_KEY` (stretched with HKDF-SHA256); without it, from a key file beside the
/// SQLite database, made on first start; an in-memory database gets a key for the process.
/// PostgreSQL without the variable has no key: two-factor sign-in cannot be set up there.
package struct SecretBox: Sendable {
    package let key: SymmetricKey

    package init(key: SymmetricKey) { self.key = key }

    package init(passphrase: String) {
        key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: Data(passphrase.utf8)), salt: Data("earned".utf8),
            info: Data("earned two-factor secrets v1".utf8), outputByteCount: 32)
    }

    package struct KeyFileProblem: Error, CustomStringConvertible {
        package var description: String
    }

    /// The key in `path`, or a new one written there (readable by this user only).
    package init(keyFile path: String) throws {
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

    package struct SealingFailed: Error {}

    package func seal(_ secret: [UInt8], for owner: UUID) throws -> String {
        try seal(secret, context: owner.uuidString)
    }

    /// The secret, or nil when it was sealed with another key or for another person.
    package func open(_ sealed: String, for owner: UUID) -> [UInt8]? {
        open(sealed, context: owner.uuidString)
    }

    /// Seals `secret` bound to `context` (a person's id, a settings scope): it opens only with
    /// the same key and the same context.
    package func seal(_ secret: [UInt8], context: String) throws -> String {
        let box = try AES.GCM.seal(secret, using: key, authenticating: Data(context.utf8))
        guard let combined = box.combined else { throw SealingFailed() }
        return "v1:" + combined.base64EncodedString()
    }

    package func open(_ sealed: String, context: String) -> [UInt8]? {
        guard sealed.hasPrefix("v1:"), let data = Data(base64Encoded: String(sealed.dropFirst(3))),
            let box = try? AES.GCM.SealedBox(combined: data),
            let plain = try? AES.GCM.open(box, using: key, authenticating: Data(context.utf8))
        else { return nil }
        return Array(plain)
    }

    /// A text secret (a mail password, a bot token) sealed for `context`.
    package func sealText(_ secret: String, context: String) throws -> String {
        try seal(Array(secret.utf8), context: context)
    }

    package func openText(_ sealed: String, context: String) -> String? {
        open(sealed, context: context).map { String(decoding: $0, as: UTF8.self) }
    }
}
