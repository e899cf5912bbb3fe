import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// Writes many customers and orders at once with multi-row INSERTs, for the demo business and
/// large imports, where one statement a row would be far too slow. Runs on SQLite and
/// PostgreSQL alike (SQLKit builders, bound values).
public struct BulkWriter: Sendable {
    let db: any Database
    /// Rows per statement, kept under SQLite's limit of bound variables.
    let rowsPerStatement: Int

    public init(db: any Database, rowsPerStatement: Int = 400) {
        self.db = db
        self.rowsPerStatement = rowsPerStatement
    }

    var sql: any SQLDatabase { db as! any SQLDatabase }

    func insert(_ table: String, columns: [String], rows: [[any Encodable & Sendable]]) async throws {
        var start = 0
        while start < rows.count {
            let end = min(start + rowsPerStatement, rows.count)
            let insert = sql.insert(into: table).columns(columns)
            for row in rows[start..<end] { insert.values(row) }
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
                "updated_at",
            ],
            rows: customers.map { c in
                [
                    c.id.rawValue, c.kind.rawValue, c.name, ContactNormalizer.searchFold(c.name), c.searchText,
                    c.ownerID?.rawValue, c.homeLocationID?.rawValue, c.language, c.preferredChannel?.rawValue,
                    JSONCoding.string(c.tags), c.externalID, UUID?.none, c.erasedAt, c.createdAt, c.updatedAt,
                ]
            })
        var contactRows: [[any Encodable & Sendable]] = []
        var dateRows: [[any Encodable & Sendable]] = []
        var consentRows: [[any Encodable & Sendable]] = []
        for c in customers {
            for (position, contact) in c.contacts.enumerated() {
                contactRows.append([
                    UUID(), c.id.rawValue, contact.channel.rawValue, contact.value, contact.label, position,
                ])
            }
            for date in c.dates {
                dateRows.append([
                    UUID(), c.id.rawValue, date.kind.rawValue, date.date.year, date.date.month, date.date.day,
                    date.label,
                ])
            }
            for consent in c.consents {
                consentRows.append([
                    UUID(), c.id.rawValue, consent.channel.rawValue, consent.given, consent.at, consent.source,
                ])
            }
        }
        try await insert(
            "customer_contacts", columns: ["id", "customer_id", "channel", "value", "label", "position"],
            rows: contactRows)
        try await insert(
            "customer_dates", columns: ["id", "customer_id", "kind", "year", "month", "day", "label"], rows: dateRows)
        try await insert(
            "customer_consents", columns: ["id", "customer_id", "channel", "given", "at", "source"], rows: consentRows)
    }

    public static let orderColumns = [
        "id", "customer_id", "seller_id", "location_id", "placed_at", "amount_minor", "currency", "discount_minor",
        "quantity", "items_summary", "channel", "promised_at", "delivered_at", "external_id", "created_at",
        "updated_at",
    ]

    static func row(_ o: Order) -> [any Encodable & Sendable] {
        [
            o.id.rawValue, o.customerID.rawValue, o.sellerID?.rawValue, o.locationID?.rawValue, o.placedAt,
            o.amount.minorUnits, o.amount.currency, o.discountMinorUnits, o.quantity, o.itemsSummary,
            o.channel.rawValue, o.promisedAt, o.deliveredAt, o.externalID, o.createdAt, o.updatedAt,
        ]
    }

    public func insertOrders(_ orders: [Order]) async throws {
        try await insert("orders", columns: Self.orderColumns, rows: orders.map(Self.row))
    }

    public func insertNotes(_ notes: [CustomerNote]) async throws {
        try await insert(
            "customer_notes", columns: ["id", "customer_id", "author_id", "text", "created_at"],
            rows: notes.map { [$0.id.rawValue, $0.customerID.rawValue, $0.authorID?.rawValue, $0.text, $0.createdAt] })
    }
}
