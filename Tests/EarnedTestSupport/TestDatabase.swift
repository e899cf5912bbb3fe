import EarnedDomain
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit

@testable import EarnedStore

/// A fixed "now" for every test.
public let testNow = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18

/// The database a store or service test runs on, opened by the drivers without the web app: a fresh
/// in-memory SQLite, or with EARNED_TEST_POSTGRES_URL a fresh schema in that PostgreSQL
/// (localhost only), dropped afterwards. Every migration has run.
public enum TestDatabase {
    public static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment["EARNED_TEST_POSTGRES_URL"], !url.isEmpty else {
            return nil
        }
        // Any other host is refused, so the tests never touch a real database.
        let host = URL(string: url)?.host ?? ""
        precondition(
            ["localhost", "127.0.0.1", "::1"].contains(host), "EARNED_TEST_POSTGRES_URL must point at localhost")
        return url
    }

    /// Runs `body` on a fresh, migrated database.
    public static func with(_ body: @Sendable (any Database) async throws -> Void) async throws {
        let logger = Logger(label: "earned.tests")
        let loop = MultiThreadedEventLoopGroup.singleton.any()
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        var admin: (any Database)?
        var schema: String?
        if let url = postgresURL {
            let name = "s_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
            var configuration = try SQLPostgresConfiguration(url: url)
            configuration.coreConfiguration.tls = .disable
            databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 1), as: .psql)
            admin = databases.database(.psql, logger: logger, on: loop)
            try await admin?.sql.raw("CREATE SCHEMA \(ident: name)").run()
            schema = name
            // Every connection of the test's own database uses the new schema.
            configuration.searchPath = [name]
            databases.use(
                .postgres(configuration: configuration, maxConnectionsPerEventLoop: 1), as: .init(string: "test"),
                isDefault: true)
        } else {
            databases.use(.sqlite(.memory), as: .sqlite)
        }
        do {
            let migrations = Migrations()
            migrations.add(EarnedMigrations.all)
            let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: loop)
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
            guard let db = databases.database(logger: logger, on: loop) else {
                throw TestFailure("no default database")
            }
            try await body(db)
        } catch {
            await teardown(databases, admin: admin, schema: schema)
            // Database errors hide their detail from `description`; a failing test should show it.
            throw TestFailure(String(reflecting: error))
        }
        await teardown(databases, admin: admin, schema: schema)
    }

    private static func teardown(_ databases: Databases, admin: (any Database)?, schema: String?) async {
        if let admin, let schema { try? await admin.sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
        await databases.shutdownAsync()
    }
}

public struct TestFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The places and people the store and service tests start with: two locations, their owner, a
/// manager of the north one, and a seller in each.
public struct TestFixture: Sendable {
    public var north: Location
    public var south: Location
    public var owner: Staff
    public var northManager: Staff
    public var northSeller: Staff
    public var southSeller: Staff

    public static func make(_ db: any Database) async throws -> TestFixture {
        let hours = WeeklyHours.uniform([DayPeriod(start: 9 * 60, end: 20 * 60)])
        let north = Location(
            name: "Север", timeZone: "Europe/Moscow", hours: hours, createdAt: testNow, updatedAt: testNow)
        let south = Location(
            name: "Юг", timeZone: "Asia/Yekaterinburg", hours: hours, createdAt: testNow, updatedAt: testNow)
        try await LocationRepository(db: db).insert([north, south])
        let staff = StaffRepository(db: db)
        func person(_ name: String, _ email: String, _ role: Role, at location: Location?) async throws -> Staff {
            try await staff.create(
                StaffDraft(name: name, email: email, role: role, homeLocationID: location?.id), passwordHash: "-",
                actor: nil, now: testNow)
        }
        let owner = try await person("Ольга Владелец", "owner@fixture.test", .owner, at: nil)
        let northManager = try await person("Мария Менеджер", "manager@fixture.test", .manager, at: north)
        let northSeller = try await person("Николай Север", "north@fixture.test", .staff, at: north)
        let southSeller = try await person("Юлия Юг", "south@fixture.test", .staff, at: south)
        return TestFixture(
            north: north, south: south, owner: owner, northManager: northManager, northSeller: northSeller,
            southSeller: southSeller)
    }

    /// A customer of the north location.
    public func customer(_ name: String, on db: any Database) async throws -> Customer {
        try await CustomerRepository(db: db).create(
            CustomerDraft(name: name, ownerID: northSeller.id, homeLocationID: north.id), actor: owner,
            now: testNow - 40 * 86_400)
    }

    /// An order `seller` delivered at `at`, placed an hour before.
    public func order(_ customer: Customer, by seller: Staff, at: Date, on db: any Database) async throws -> Order {
        try await OrderRepository(db: db, defaultCurrency: "RUB").create(
            OrderDraft(
                customerID: customer.id, sellerID: seller.id, locationID: seller.homeLocationID, placedAt: at - 3600,
                amountMinorUnits: 250_000, deliveredAt: at), actor: owner, now: at)
    }
}
