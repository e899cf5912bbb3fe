import EarnedDomain
import FluentKit
import Foundation

/// Inbound contacts, as the scheduler reads them to warn before a reply target is missed.
public struct ContactRepository: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    /// Contacts not yet resolved, in locations (nil: all).
    public func unresolved(locations: Set<LocationID>?, limit: Int = 1000) async throws -> [InboundContact] {
        let q = InboundContactRecord.query(on: db).filter(\.$status != InboundContact.Status.resolved.rawValue)
        if let locations { q.filter(\.$locationID ~~ locations.map(\.rawValue)) }
        return try await q.sort(\.$receivedAt).limit(limit).all().map { try $0.domain() }
    }
}
