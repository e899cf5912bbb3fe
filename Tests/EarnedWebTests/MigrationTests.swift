import FluentKit
import SQLKit
import Testing
import Vapor

@testable import EarnedStore
@testable import EarnedWeb

@Suite("Migrations")
struct MigrationTests {
    static let tables = [
        "locations", "staff", "staff_locations", "customers", "customer_contacts", "customer_dates",
        "customer_consents", "customer_notes", "orders", "audit_log", "sessions", "sign_in_failures", "api_tokens",
        "idempotency_keys", "two_factor_secrets", "recovery_codes", "password_resets", "sign_in_challenges",
        "api_rate_windows", "duplicate_dismissals",
    ]

    @Test("every migration runs, reverts and runs again on this database")
    func upDownUp() async throws {
        try await withEarnedApp(seed: false) { app, _ in
            for table in Self.tables { #expect(try await app.count(table) == 0, "\(table) exists and is empty") }
            try await app.autoRevert()
            let sql = try app.db.sql
            await #expect(throws: (any Error).self) { try await sql.raw("SELECT COUNT(*) FROM customers").run() }
            try await app.autoMigrate()
            for table in Self.tables { #expect(try await app.count(table) == 0) }
        }
    }

    @Test("migration names are numbered, unique and in order")
    func names() {
        let names = EarnedMigrations.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names == names.sorted())
        for (index, name) in names.enumerated() {
            #expect(name.hasPrefix(String(format: "%04d_", index + 1)))
        }
    }
}
