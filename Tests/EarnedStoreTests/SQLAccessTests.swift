import EarnedDomain
import EarnedTestSupport
import FluentKit
import Foundation
import SQLKit
import Testing

@testable import EarnedStore

/// A Fluent database that is not SQL (a document store, say): every query fails.
struct DocumentDatabase: Database {
    let context: DatabaseContext
    var inTransaction: Bool { false }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void)
        -> EventLoopFuture<Void>
    {
        eventLoop.makeFailedFuture(TestFailure("no queries here"))
    }
    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> {
        eventLoop.makeFailedFuture(TestFailure("no schema here"))
    }
    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> {
        eventLoop.makeFailedFuture(TestFailure("no enums here"))
    }
    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        closure(self)
    }
    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        closure(self)
    }
}

@Suite("The one conversion from Fluent's database to SQL")
struct SQLAccessTests {
    @Test("both drivers convert, in and out of a transaction; only SQLite counts as SQLite")
    func converts() async throws {
        try await TestDatabase.with { db in
            let sql = try db.sql
            let one = try await sql.raw("SELECT 1 AS one").first()?.decode(column: "one", as: Int.self)
            #expect(one == 1)
            let onPostgres = TestDatabase.postgresURL != nil
            #expect(sql.dialect.name == (onPostgres ? "postgresql" : "sqlite"))
            #expect((db.sqlite != nil) == !onPostgres)
            let inside = try await db.transaction { tx in try tx.sql.dialect.name }
            #expect(inside == sql.dialect.name)
        }
    }

    @Test("a driver that is not SQL is a store error, not a crash, and has no SQLite")
    func refusesOtherDrivers() async throws {
        try await TestDatabase.with { db in
            let other = DocumentDatabase(context: db.context)
            #expect(throws: StoreError.notSQL(driver: String(reflecting: DocumentDatabase.self))) { try other.sql }
            #expect(other.sqlite == nil)
            // A query of the store reports the same error.
            await #expect(throws: StoreError.self) { try await SettingsStore(db: other).isMarked("any") }
            #expect(
                StoreError.notSQL(driver: "X").description
                    == "the database X does not speak SQL; Earned's queries need SQLite or PostgreSQL")
        }
    }
}
