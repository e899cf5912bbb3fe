import Crypto
import EarnedServices
import Foundation
import Vapor

extension SecretBox {
    /// The box this configuration calls for; nil on PostgreSQL without `EARNED_SECRET_KEY`.
    static func resolve(_ config: Config) throws -> SecretBox? {
        if let passphrase = config.secretKey { return SecretBox(passphrase: passphrase) }
        switch config.database {
        case .sqlite(let path): return try SecretBox(keyFile: path + ".key")
        case .sqliteMemory: return SecretBox(key: SymmetricKey(size: .bits256))
        case .postgres: return nil
        }
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
