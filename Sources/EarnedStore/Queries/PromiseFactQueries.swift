import EarnedDomain
import FluentKit
import Foundation
import SQLKit
import SQLiteNIO

/// The on-time facts of a quarter's promises, read from their columns. A chain's quarter has
/// tens of thousands; built as Fluent records they took most of a second, so on SQLite the rows
/// are read straight from the driver (as `ScoreFacts` reads orders) and elsewhere through SQLKit.
enum PromiseFactQueries {
    /// One row's columns; `moved` nil where migration 0028 left the row unfilled.
    struct Row {
        var id: UUID
        var owner: UUID
        var location: UUID?
        var kind: String
        var status: String
        var due: Double
        var closed: Double?
        var moved: Bool?
    }

    static func due(from: Date, to: Date, locations: Set<LocationID>?, owner: StaffID?, on db: any Database)
        async throws -> [Row]
    {
        if let locations, locations.isEmpty { return [] }
        var query: SQLQueryString = """
            SELECT id, owner_id, location_id, kind, status, due_in_force_at, closed_at, renegotiated_in_time
            FROM promises WHERE due_in_force_at >= \(bind: from) AND due_in_force_at < \(bind: to)
            """
        if let locations { query += " AND location_id IN (\(binds: locations.map(\.rawValue)))" }
        if let owner { query += " AND owner_id = \(bind: owner.rawValue)" }
        if let sqlite = db as? any SQLiteDatabase {
            // The same query, its binds as Fluent's SQLite encoder writes them (`BulkValue`).
            let (text, binds) = try db.sql.serialize(query)
            let values = try binds.map { bind in
                guard let value = BulkValue.of(bind) else {
                    throw StoreError.unsupportedBind(type: String(describing: type(of: bind)))
                }
                return value.sqlite
            }
            let collector = Collector()
            _ = try await sqlite.query(text, values, logger: db.logger) { row in
                func uuid(_ name: String) -> UUID? { row.column(name)?.string.flatMap(UUID.init(uuidString:)) }
                func seconds(_ name: String) -> Double? {
                    guard let value = row.column(name), !value.isNull, let seconds = value.double else { return nil }
                    return BulkValue.date(sqliteSeconds: seconds).timeIntervalSince1970
                }
                guard let id = uuid("id"), let owner = uuid("owner_id"), let due = seconds("due_in_force_at") else {
                    return
                }
                let moved = row.column("renegotiated_in_time").flatMap { $0.isNull ? nil : $0.integer.map { $0 != 0 } }
                collector.add(
                    Row(
                        id: id, owner: owner, location: uuid("location_id"), kind: row.column("kind")?.string ?? "",
                        status: row.column("status")?.string ?? "", due: due, closed: seconds("closed_at"),
                        moved: moved))
            }.get()
            return collector.rows
        }
        return try await db.sql.raw(query).all().map { row in
            Row(
                id: try row.decode(column: "id", as: UUID.self),
                owner: try row.decode(column: "owner_id", as: UUID.self),
                location: try row.decode(column: "location_id", as: UUID?.self),
                kind: try row.decode(column: "kind", as: String.self),
                status: try row.decode(column: "status", as: String.self),
                due: try row.decode(column: "due_in_force_at", as: Date.self).timeIntervalSince1970,
                closed: try row.decode(column: "closed_at", as: Date?.self)?.timeIntervalSince1970,
                moved: try row.decode(column: "renegotiated_in_time", as: Bool?.self))
        }
    }

    /// The rows the driver hands over, one at a time, on its own thread.
    private final class Collector: @unchecked Sendable {
        private let lock = NSLock()
        private var collected: [Row] = []
        func add(_ row: Row) { lock.withLock { collected.append(row) } }
        var rows: [Row] { lock.withLock { collected } }
    }
}
