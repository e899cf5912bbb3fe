import EarnedStore
import FluentKit
import Foundation

/// Score snapshots as decoded values, kept between requests: each read asks the database only
/// when the snapshot was computed (an indexed one-column read), and decodes the document again
/// only when that changed — a consistency report is a few hundred kilobytes of JSON. Several
/// instances stay right, as each checks the stored time.
actor SnapshotCache {
    private var entries: [String: (at: Date, value: any Sendable)] = [:]

    /// The snapshots under `keys` that exist, by key, with when each was computed.
    func values<Value: Decodable & Sendable>(_ type: Value.Type, keys: [String], db: any Database) async throws
        -> [String: (Value, Date)]
    {
        let store = ScoreStore(db: db)
        let times = try await store.snapshotTimes(keys: keys)
        var out: [String: (Value, Date)] = [:]
        var missing: [String] = []
        for (key, at) in times {
            if let entry = entries[key], entry.at == at, let value = entry.value as? Value {
                out[key] = (value, at)
            } else {
                missing.append(key)
            }
        }
        for (key, found) in try await store.snapshots(type, keys: missing) {
            entries[key] = (found.1, found.0)
            out[key] = found
        }
        return out
    }

    /// The snapshot under `key`, if there is one.
    func value<Value: Decodable & Sendable>(_ type: Value.Type, key: String, db: any Database) async throws
        -> (Value, Date)?
    {
        try await values(type, keys: [key], db: db)[key]
    }
}
