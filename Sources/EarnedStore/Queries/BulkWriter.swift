import EarnedDomain
import FluentKit
import Foundation
import SQLKit
import SQLiteNIO

/// One value of a bulk-written row, in the form both databases store.
enum BulkValue: Sendable {
    case text(String)
    case integer(Int64)
    case real(Double)
    case uuid(UUID)
    case date(Date)
    case bool(Bool)
    case null

    static func text(_ value: String?) -> BulkValue { value.map(BulkValue.text) ?? .null }
    static func uuid(_ value: UUID?) -> BulkValue { value.map(BulkValue.uuid) ?? .null }
    static func date(_ value: Date?) -> BulkValue { value.map(BulkValue.date) ?? .null }
    static func integer(_ value: Int?) -> BulkValue { value.map { .integer(Int64($0)) } ?? .null }

    /// As Fluent's SQLite encoder writes it: UUIDs as upper-case text, times as seconds.
    var sqlite: SQLiteData {
        switch self {
        case .text(let s): .text(s)
        case .integer(let i): .integer(Int(i))
        case .real(let d): .float(d)
        case .uuid(let u): .text(Self.upperHex(u))
        case .date(let d): .float(d.timeIntervalSince1970)
        case .bool(let b): .integer(b ? 1 : 0)
        case .null: .null
        }
    }

    /// A bind of an `SQLQueryString` as this writer's value, so a query written once for both
    /// databases can run straight on the SQLite driver; nil for a type it does not carry.
    static func of(_ bind: any Encodable & Sendable) -> BulkValue? {
        switch bind {
        case let value as String: .text(value)
        case let value as UUID: .uuid(value)
        case let value as Date: .date(value)
        case let value as Bool: .bool(value)
        case let value as Int: .integer(Int64(value))
        case let value as Int64: .integer(value)
        case let value as Double: .real(value)
        default: nil
        }
    }

    /// The date Fluent's SQLite driver reads from stored seconds: rounded to microseconds.
    static func date(sqliteSeconds seconds: Double) -> Date {
        let sinceReference = seconds - Date.timeIntervalBetween1970AndReferenceDate
        return Date(timeIntervalSinceReferenceDate: (sinceReference * 1e6).rounded() / 1e6)
    }

    /// `uuid.uuidString` (upper-case hex in 8-4-4-4-12 groups) without Foundation's formatter,
    /// which prints through the C library and shows in a bulk write of a million rows.
    static func upperHex(_ uuid: UUID) -> String {
        let digits: StaticString = "0123456789ABCDEF"
        return withUnsafeBytes(of: uuid.uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { out in
                digits.withUTF8Buffer { hex in
                    var at = 0
                    for (index, byte) in bytes.enumerated() {
                        if index == 4 || index == 6 || index == 8 || index == 10 {
                            out[at] = UInt8(ascii: "-")
                            at += 1
                        }
                        out[at] = hex[Int(byte >> 4)]
                        out[at + 1] = hex[Int(byte & 0x0F)]
                        at += 2
                    }
                    return at
                }
            }
        }
    }

    /// As an SQLKit expression (PostgreSQL): a bound value, or a bare NULL, which PostgreSQL
    /// accepts for a column of any type (a bound NULL carries a type of its own).
    var expression: any SQLExpression {
        switch self {
        case .text(let s): SQLBind(s)
        case .integer(let i): SQLBind(i)
        case .real(let d): SQLBind(d)
        case .uuid(let u): SQLBind(u)
        case .date(let d): SQLBind(d)
        case .bool(let b): SQLBind(b)
        case .null: SQLLiteral.null
        }
    }
}

/// Writes many customers and orders at once with multi-row INSERTs, for the demo business and
/// large imports, where a statement a row would be far too slow. On SQLite the rows go straight
/// to the driver as SQLite values (no Codable round trip); on PostgreSQL through SQLKit binds.
public struct BulkWriter: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    func insert(_ table: String, columns: [String], rows: [[BulkValue]]) async throws {
        guard !rows.isEmpty else { return }
        if let sqlite = db as? any SQLiteDatabase {
            // SQLite allows 32,766 bound values a statement.
            let perStatement = max(1, 32_000 / columns.count)
            let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
            let head = "INSERT INTO \"\(table)\" (" + columns.map { "\"\($0)\"" }.joined(separator: ",") + ") VALUES "
            var start = 0
            while start < rows.count {
                let end = min(start + perStatement, rows.count)
                var binds: [SQLiteData] = []
                binds.reserveCapacity((end - start) * columns.count)
                for row in rows[start..<end] { for value in row { binds.append(value.sqlite) } }
                let sql = head + Array(repeating: tuple, count: end - start).joined(separator: ",")
                _ = try await sqlite.query(sql, binds, logger: db.logger) { _ in }.get()
                start = end
            }
            return
        }
        let sql = try db.sql
        // PostgreSQL allows 65,535 bound parameters a statement.
        let perStatement = max(1, 60_000 / columns.count)
        var start = 0
        while start < rows.count {
            let end = min(start + perStatement, rows.count)
            let insert = sql.insert(into: table).columns(columns)
            for row in rows[start..<end] { insert.values(row.map(\.expression)) }
            try await insert.run()
            start = end
        }
    }

    public func insertStaff(_ staff: [Staff], passwordHash: String?) async throws {
        for member in staff {
            let record = StaffRecord(member)
            record.passwordHash = passwordHash
            try await record.create(on: db)
            for location in member.extraLocationIDs {
                try await StaffLocationRecord(staffID: member.id.rawValue, locationID: location.rawValue).create(on: db)
            }
        }
    }

    /// Inserts new customers with their contacts, dates and consents.
    public func insertCustomers(_ customers: [Customer]) async throws {
        guard !customers.isEmpty else { return }
        try await insert(
            "customers",
            columns: [
                "id", "kind", "name", "sort_key", "search_text", "owner_id", "home_location_id", "language",
                "preferred_channel", "tags_json", "external_id", "merged_into_id", "erased_at", "created_at",
                "updated_at", "city", "address", "name_key", "city_key", "external_key",
            ],
            rows: customers.map { c in
                [
                    .uuid(c.id.rawValue), .text(c.kind.rawValue), .text(c.name),
                    .text(ContactNormalizer.searchFold(c.name)), .text(c.searchText), .uuid(c.ownerID?.rawValue),
                    .uuid(c.homeLocationID?.rawValue), .text(c.language), .text(c.preferredChannel?.rawValue),
                    .text(JSONCoding.string(c.tags)), .text(c.externalID), .null, .date(c.erasedAt),
                    .date(c.createdAt), .date(c.updatedAt), .text(c.city), .text(c.address),
                    .text(DuplicateRule.nameKey(c.name)), .text(DuplicateRule.cityKey(c.city)),
                    .text(DuplicateRule.externalKey(c.externalID)),
                ]
            })
        var contactRows: [[BulkValue]] = []
        var dateRows: [[BulkValue]] = []
        var consentRows: [[BulkValue]] = []
        for c in customers {
            let id = BulkValue.uuid(c.id.rawValue)
            for (position, contact) in c.contacts.enumerated() {
                contactRows.append([
                    .uuid(IDGenerator.next()), id, .text(contact.channel.rawValue), .text(contact.value),
                    .text(contact.label),
                    .integer(position),
                ])
            }
            for date in c.dates {
                dateRows.append([
                    .uuid(IDGenerator.next()), id, .text(date.kind.rawValue), .integer(date.date.year),
                    .integer(Int64(date.date.month)), .integer(Int64(date.date.day)), .text(date.label),
                ])
            }
            for consent in c.consents {
                consentRows.append([
                    .uuid(IDGenerator.next()), id, .text(consent.channel.rawValue), .bool(consent.given),
                    .date(consent.at),
                    .text(consent.source),
                ])
            }
        }
        try await insert(
            "customer_contacts", columns: ["id", "customer_id", "channel", "value", "label", "position"],
            rows: contactRows)
        try await insert(
            "customer_dates", columns: ["id", "customer_id", "kind", "year", "month", "day", "label"], rows: dateRows)
        try await insert(
            "customer_consents", columns: ["id", "customer_id", "channel", "given", "at", "source"],
            rows: consentRows)
    }

    static let orderColumns = [
        "id", "customer_id", "seller_id", "location_id", "placed_at", "amount_minor", "currency", "discount_minor",
        "quantity", "items_summary", "channel", "promised_at", "delivered_at", "external_id", "created_at",
        "updated_at", "state", "ended_at", "end_reason",
    ]

    static func row(_ o: Order) -> [BulkValue] {
        [
            .uuid(o.id.rawValue), .uuid(o.customerID.rawValue), .uuid(o.sellerID?.rawValue),
            .uuid(o.locationID?.rawValue), .date(o.placedAt), .integer(o.amount.minorUnits), .text(o.amount.currency),
            .integer(o.discountMinorUnits), .integer(o.quantity), .text(o.itemsSummary), .text(o.channel.rawValue),
            .date(o.promisedAt), .date(o.deliveredAt), .text(o.externalID), .date(o.createdAt), .date(o.updatedAt),
            .text(o.state.rawValue), .date(o.endedAt), .text(o.endReason),
        ]
    }

    public func insertOrders(_ orders: [Order]) async throws {
        try await insert("orders", columns: Self.orderColumns, rows: orders.map(Self.row))
    }

    public func insertNotes(_ notes: [CustomerNote]) async throws {
        try await insert(
            "customer_notes", columns: ["id", "customer_id", "author_id", "text", "created_at"],
            rows: notes.map {
                [
                    .uuid($0.id.rawValue), .uuid($0.customerID.rawValue), .uuid($0.authorID?.rawValue), .text($0.text),
                    .date($0.createdAt),
                ]
            })
    }

    /// Runs `body` with a large page cache on SQLite, so a big transaction does not spill
    /// pages to the log over and over, and statement journals kept in memory instead of a
    /// temporary file opened for every statement; the usual settings come back afterwards.
    public func withLargeCache<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        guard let sqlite = db as? any SQLiteDatabase else { return try await body() }
        _ = try await sqlite.query("PRAGMA cache_size = -262144", [], logger: db.logger) { _ in }.get()
        _ = try await sqlite.query("PRAGMA temp_store = MEMORY", [], logger: db.logger) { _ in }.get()
        do {
            let result = try await body()
            _ = try await sqlite.query("PRAGMA cache_size = -2000", [], logger: db.logger) { _ in }.get()
            return result
        } catch {
            _ = try? await sqlite.query("PRAGMA cache_size = -2000", [], logger: db.logger) { _ in }.get()
            throw error
        }
    }

    /// Customers by external id: their id, the survivor when merged, whether erased, and home
    /// location (a light query: no records built).
    func customerKeys(_ keys: [String]) async throws -> [String: (
        id: UUID, mergedInto: UUID?, erased: Bool, location: UUID?
    )] {
        let sql = try db.sql
        var found: [String: (id: UUID, mergedInto: UUID?, erased: Bool, location: UUID?)] = [:]
        var start = 0
        while start < keys.count {
            let end = min(start + 900, keys.count)
            let rows = try await sql.select().column("id").column("external_id").column("merged_into_id")
                .column("erased_at").column("home_location_id").from("customers")
                .where("external_id", .in, Array(keys[start..<end])).all()
            for row in rows {
                found[try row.decode(column: "external_id", as: String.self)] = (
                    try row.decode(column: "id", as: UUID.self),
                    try row.decode(column: "merged_into_id", as: UUID?.self),
                    try row.decode(column: "erased_at", as: Date?.self) != nil,
                    try row.decode(column: "home_location_id", as: UUID?.self)
                )
            }
            start = end
        }
        return found
    }

    /// Home locations of customers by id.
    func customerLocations(_ ids: [UUID]) async throws -> [UUID: UUID?] {
        let sql = try db.sql
        var found: [UUID: UUID?] = [:]
        var start = 0
        while start < ids.count {
            let end = min(start + 900, ids.count)
            for row in try await sql.select().column("id").column("home_location_id").from("customers")
                .where("id", .in, Array(ids[start..<end])).all()
            {
                found[try row.decode(column: "id", as: UUID.self)] = try row.decode(
                    column: "home_location_id", as: UUID?.self)
            }
            start = end
        }
        return found
    }

    /// The orders with these external ids, by external id. On SQLite the rows are read straight
    /// from the driver (building a Fluent model per row costs more than the query).
    func orders(externalIDs keys: [String]) async throws -> [String: Order] {
        var found: [String: Order] = [:]
        guard let sqlite = db as? any SQLiteDatabase else {
            for start in stride(from: 0, to: keys.count, by: 500) {
                let batch = Array(keys[start..<min(start + 500, keys.count)])
                for record in try await OrderRecord.query(on: db).filter(\.$externalID ~~ batch).all() {
                    found[record.externalID!] = record.domain
                }
            }
            return found
        }
        let columns = Self.orderColumns.map { "\"\($0)\"" }.joined(separator: ",")
        var start = 0
        while start < keys.count {
            let end = min(start + 900, keys.count)
            let marks = Array(repeating: "?", count: end - start).joined(separator: ",")
            let rows = try await sqlite.query(
                "SELECT \(columns) FROM orders WHERE external_id IN (\(marks))", keys[start..<end].map { .text($0) }
            ).get()
            for row in rows {
                if let order = Self.order(row) { found[order.externalID ?? ""] = order }
            }
            start = end
        }
        return found
    }

    /// An order from an SQLite row in the form Fluent writes it (see `BulkValue.sqlite`).
    static func order(_ row: SQLiteRow) -> Order? {
        func uuid(_ name: String) -> UUID? { row.column(name)?.string.flatMap(UUID.init(uuidString:)) }
        func date(_ name: String) -> Date? {
            guard let value = row.column(name), !value.isNull, let seconds = value.double else { return nil }
            return BulkValue.date(sqliteSeconds: seconds)
        }
        func text(_ name: String) -> String? {
            guard let value = row.column(name), !value.isNull else { return nil }
            return value.string
        }
        func int(_ name: String) -> Int64 { Int64(row.column(name)?.integer ?? 0) }
        guard let id = uuid("id"), let customer = uuid("customer_id"), let placed = date("placed_at"),
            let created = date("created_at"), let updated = date("updated_at")
        else { return nil }
        return Order(
            id: OrderID(id), customerID: CustomerID(customer), sellerID: uuid("seller_id").map(StaffID.init),
            locationID: uuid("location_id").map(LocationID.init), placedAt: placed,
            amount: Money(minorUnits: int("amount_minor"), currency: text("currency") ?? ""),
            discountMinorUnits: int("discount_minor"), quantity: Int(int("quantity")),
            itemsSummary: text("items_summary"),
            channel: text("channel").flatMap(Order.SalesChannel.init(rawValue:)) ?? .other,
            promisedAt: date("promised_at"),
            deliveredAt: date("delivered_at"), externalID: text("external_id"),
            state: text("state").flatMap(Order.State.init(rawValue:)) ?? .active, endedAt: date("ended_at"),
            endReason: text("end_reason"), createdAt: created, updatedAt: updated)
    }

    /// Which of `keys` are external ids of rows in `table` (a light query: no records built).
    func existingExternalIDs(in table: String, _ keys: [String]) async throws -> Set<String> {
        let sql = try db.sql
        var found = Set<String>()
        var start = 0
        while start < keys.count {
            let end = min(start + 900, keys.count)
            let rows = try await sql.select().column("external_id").from(table)
                .where("external_id", .in, Array(keys[start..<end])).all()
            for row in rows { found.insert(try row.decode(column: "external_id", as: String.self)) }
            start = end
        }
        return found
    }
}
