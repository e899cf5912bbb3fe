import EarnedDomain
import EarnedFormats
import FluentKit
import Foundation

/// A file uploaded for import, as its preview needs it.
public struct ImportUpload: Sendable, Hashable {
    public var id: UUID
    public var kind: ImportKind
    public var filename: String
    public var data: Data
    public var createdAt: Date
}

/// Keeps uploaded files between an import's preview and the import: each belongs to the person
/// who sent it, nobody else reads it, and it goes after the import or after a day.
public struct ImportUploadStore: Sendable {
    /// How long an upload waits for its import.
    public static let lifetime: TimeInterval = 86_400

    let db: any Database

    public init(db: any Database) { self.db = db }

    public func save(kind: ImportKind, filename: String, data: Data, actor: Staff, now: Date) async throws -> UUID {
        try Policy.require(actor, .importData)
        let record = ImportUploadRecord()
        record.id = IDGenerator.next()
        record.staffID = actor.id.rawValue
        record.kind = kind.rawValue
        record.filename = String(filename.prefix(200))
        record.size = Int64(data.count)
        record.data = data
        record.createdAt = now
        try await record.create(on: db)
        return record.id!
    }

    /// The upload, if it is the actor's and has not expired.
    public func find(_ id: UUID, actor: Staff, now: Date) async throws -> ImportUpload? {
        guard let record = try await ImportUploadRecord.find(id, on: db), record.staffID == actor.id.rawValue,
            record.createdAt > now.addingTimeInterval(-Self.lifetime),
            let kind = ImportKind(rawValue: record.kind)
        else { return nil }
        return ImportUpload(
            id: record.id!, kind: kind, filename: record.filename, data: record.data, createdAt: record.createdAt)
    }

    public func delete(_ id: UUID) async throws {
        try await ImportUploadRecord.query(on: db).filter(\.$id == id).delete()
    }

    /// Drops the uploads older than a day.
    public func sweep(now: Date) async throws {
        try await ImportUploadRecord.query(on: db).filter(\.$createdAt < now.addingTimeInterval(-Self.lifetime))
            .delete()
    }
}
