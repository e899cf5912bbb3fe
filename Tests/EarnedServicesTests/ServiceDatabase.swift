import EarnedDomain
import EarnedServices
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import Testing

@testable import EarnedStore

/// A fixed "now" for every test.
let testNow = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18

/// The database a service test runs on (the pattern of `StoreDatabase` in EarnedStoreTests),
/// opened by the drivers without the web app: a fresh
/// in-memory SQLite, or with EARNED_TEST_POSTGRES_URL a fresh schema in that PostgreSQL
/// (localhost only), dropped afterwards. Every migration has run.
enum ServiceDatabase {
    static var postgresURL: String? {
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
    static func with(_ body: @Sendable (any Database) async throws -> Void) async throws {
        let logger = Logger(label: "earned.service-tests")
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
            let db = try #require(databases.database(logger: logger, on: loop))
            try await body(db)
        } catch {
            await teardown(databases, admin: admin, schema: schema)
            // Database errors hide their detail from `description`; a failing test should show it.
            throw ServiceTestFailure(String(reflecting: error))
        }
        await teardown(databases, admin: admin, schema: schema)
    }

    private static func teardown(_ databases: Databases, admin: (any Database)?, schema: String?) async {
        if let admin, let schema { try? await admin.sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
        await databases.shutdownAsync()
    }
}

struct ServiceTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The places and people the service tests start with: two locations, their owner, a
/// manager of the north one, and a seller in each.
struct ServiceFixture: Sendable {
    var north: Location
    var south: Location
    var owner: Staff
    var northManager: Staff
    var northSeller: Staff
    var southSeller: Staff

    static func make(_ db: any Database) async throws -> ServiceFixture {
        let hours = WeeklyHours.uniform([DayPeriod(start: 9 * 60, end: 20 * 60)])
        let north = Location(
            name: "Север", timeZone: "Europe/Moscow", hours: hours, createdAt: testNow, updatedAt: testNow)
        let south = Location(
            name: "Юг", timeZone: "Asia/Yekaterinburg", hours: hours, createdAt: testNow, updatedAt: testNow)
        try await LocationRepository(db: db).insert([north, south])
        let staff = StaffRepository(db: db)
        let owner = try await staff.create(
            StaffDraft(name: "Ольга Владелец", email: "owner@service.test", role: .owner), passwordHash: "-",
            actor: nil,
            now: testNow)
        let northManager = try await staff.create(
            StaffDraft(name: "Мария Менеджер", email: "manager@service.test", role: .manager, homeLocationID: north.id),
            passwordHash: "-", actor: nil, now: testNow)
        let northSeller = try await staff.create(
            StaffDraft(name: "Николай Север", email: "north@service.test", role: .staff, homeLocationID: north.id),
            passwordHash: "-", actor: nil, now: testNow)
        let southSeller = try await staff.create(
            StaffDraft(name: "Юлия Юг", email: "south@service.test", role: .staff, homeLocationID: south.id),
            passwordHash: "-", actor: nil, now: testNow)
        return ServiceFixture(
            north: north, south: south, owner: owner, northManager: northManager, northSeller: northSeller,
            southSeller: southSeller)
    }

    /// Where a use case runs in these tests: `db` at `now`, in roubles.
    func context(_ db: any Database, at now: Date = testNow) -> ServiceContext {
        ServiceContext(db: db, now: now, currency: "RUB")
    }

    /// A customer of the north location.
    func customer(_ name: String, on db: any Database) async throws -> Customer {
        try await CustomerRepository(db: db).create(
            CustomerDraft(name: name, ownerID: northSeller.id, homeLocationID: north.id), actor: owner,
            now: testNow - 40 * 86_400)
    }

    /// An order `seller` delivered at `at`, placed an hour before.
    func order(_ customer: Customer, by seller: Staff, at: Date, on db: any Database) async throws -> Order {
        try await OrderRepository(db: db, defaultCurrency: "RUB").create(
            OrderDraft(
                customerID: customer.id, sellerID: seller.id, locationID: seller.homeLocationID, placedAt: at - 3600,
                amountMinorUnits: 250_000, deliveredAt: at), actor: owner, now: at)
    }
}
