import EarnedDomain
import EarnedServices
import FluentKit
import FluentPostgresDriver
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import EarnedStore
@testable import EarnedWeb

/// A fixed "now" for every test.
let testNow = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18

/// The people and places every web test starts with: two locations, an owner, a manager of
/// the north, a staff member in the north and one in the south, each with an API token.
struct Fixture: Sendable {
    var north: Location
    var south: Location
    var owner: Staff
    var manager: Staff
    var northStaff: Staff
    var southStaff: Staff
    var tokens: [StaffID: String]
    static let password = "correct horse battery"

    func token(_ staff: Staff) -> String { tokens[staff.id]! }
}

/// The database a test runs on: a fresh in-memory SQLite, or with EARNED_TEST_POSTGRES_URL a
/// fresh schema in that PostgreSQL (localhost only).
enum TestDatabase {
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
}

/// Builds the real app through `configure`, on a fresh database, runs `body`, tears it down.
func withEarnedApp(
    seed: Bool = true, _ body: @Sendable (Application, Fixture) async throws -> Void
) async throws {
    // PostgreSQL allows a limited number of connections: run a few apps at a time.
    let gate = TestDatabase.postgresURL == nil ? nil : TestGate.shared
    await gate?.enter()
    defer { Task { await gate?.leave() } }
    let app = try await Application.make(.testing)
    var config = Config(database: .sqliteMemory, bcryptCost: 4)
    // PostgreSQL has no key file: second-factor secrets are sealed with this one.
    config.secretKey = "earned test key, thirty-two characters or more"
    var schema: String?
    if let url = TestDatabase.postgresURL {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        schema = name
        config.database = .postgres(url: url)
        try await configure(app, config: config, clock: { testNow })
        let sql = try app.db.sql
        try await sql.raw("CREATE SCHEMA \(ident: name)").run()
        // Every connection of this app uses the new schema.
        try await useSchema(app, name, url: url)
        app.databases.reinitialize(.psql)
    } else {
        try await configure(app, config: config, clock: { testNow })
    }
    do {
        // As production prepares it: migrations, write-ahead logging, every connection's busy timeout.
        try await prepareDatabase(app)
        let fixture = seed ? try await makeFixture(app) : emptyFixture
        try await body(app, fixture)
    } catch {
        await teardown(app, schema: schema)
        // Database errors hide their detail from `description`; a failing test should show it.
        throw TestFailure(String(reflecting: error))
    }
    await teardown(app, schema: schema)
}

private func useSchema(_ app: Application, _ schema: String, url: String) async throws {
    var configuration = try SQLPostgresConfiguration(url: url)
    configuration.coreConfiguration.tls = .disable
    configuration.searchPath = [schema]
    app.databases.use(
        .postgres(configuration: configuration, maxConnectionsPerEventLoop: 1), as: .psql, isDefault: true)
}

private func teardown(_ app: Application, schema: String?) async {
    if let schema, let sql = try? app.db.sql {
        try? await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
    }
    try? await app.asyncShutdown()
}

let emptyFixture: Fixture = {
    let loc = Location(name: "-", timeZone: "UTC", hours: .uniform([]), createdAt: testNow, updatedAt: testNow)
    let staff = Staff(name: "-", email: "-", role: .owner, homeLocationID: nil, createdAt: testNow, updatedAt: testNow)
    return Fixture(
        north: loc, south: loc, owner: staff, manager: staff, northStaff: staff, southStaff: staff, tokens: [:])
}()

func makeFixture(_ app: Application) async throws -> Fixture {
    let hours = WeeklyHours.uniform([DayPeriod(start: 9 * 60, end: 13 * 60), DayPeriod(start: 14 * 60, end: 20 * 60)])
    let north = Location(name: "Север", timeZone: "Europe/Moscow", hours: hours, createdAt: testNow, updatedAt: testNow)
    let south = Location(
        name: "Юг", timeZone: "Asia/Yekaterinburg", hours: hours, createdAt: testNow, updatedAt: testNow)
    try await LocationRepository(db: app.db).insert([north, south])
    let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()).hash(Fixture.password)
    let staffRepo = StaffRepository(db: app.db)
    let owner = try await staffRepo.create(
        StaffDraft(name: "Ольга Владелец", email: "owner@test.earned", role: .owner), passwordHash: hash, actor: nil,
        now: testNow)
    let manager = try await staffRepo.create(
        StaffDraft(name: "Мария Управляющая", email: "manager@test.earned", role: .manager, homeLocationID: north.id),
        passwordHash: hash, actor: nil, now: testNow)
    let northStaff = try await staffRepo.create(
        StaffDraft(name: "Николай Север", email: "north@test.earned", role: .staff, homeLocationID: north.id),
        passwordHash: hash, actor: nil, now: testNow)
    let southStaff = try await staffRepo.create(
        StaffDraft(name: "Юлия Юг", email: "south@test.earned", role: .staff, homeLocationID: south.id),
        passwordHash: hash, actor: nil, now: testNow)
    var tokens: [StaffID: String] = [:]
    for member in [owner, manager, northStaff, southStaff] {
        let secret = "ern_test_" + member.id.description
        _ = try await SecurityStore(db: app.db).createToken(
            staffID: member.id, name: "test", tokenHash: Secrets.sha256(secret), prefix: String(secret.prefix(10)),
            now: testNow)
        tokens[member.id] = secret
    }
    return Fixture(
        north: north, south: south, owner: owner, manager: manager, northStaff: northStaff, southStaff: southStaff,
        tokens: tokens)
}

// MARK: Requests

extension Application {
    /// Sends a request through the whole middleware stack.
    func send(
        _ method: HTTPMethod, _ path: String, token: String? = nil, json: String? = nil, headers: HTTPHeaders = [:],
        cookie: String? = nil, form: [String: String]? = nil, rawBody: String? = nil, rawBytes: [UInt8]? = nil
    ) async throws -> TestingHTTPResponse {
        try await testing().sendRequest(method, path) { req in
            for (name, value) in headers { req.headers.replaceOrAdd(name: name, value: value) }
            if let token { req.headers.bearerAuthorization = BearerAuthorization(token: token) }
            if let json {
                req.headers.contentType = .json
                req.body = ByteBuffer(string: json)
            }
            if let cookie { req.headers.replaceOrAdd(name: .cookie, value: cookie) }
            if let rawBody { req.body = ByteBuffer(string: rawBody) }
            if let rawBytes { req.body = ByteBuffer(bytes: rawBytes) }
            if let form {
                req.headers.contentType = .urlEncodedForm
                var allowed = CharacterSet.alphanumerics
                allowed.insert(charactersIn: "-._~")
                req.body = ByteBuffer(
                    string: form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
                        .joined(separator: "&"))
            }
        }
    }

    /// A signed-in browser: a session for `staff`, its cookie and its CSRF token.
    func session(for staff: Staff) async throws -> (cookie: String, csrf: String) {
        let token = Secrets.token()
        let csrf = Secrets.token()
        try await SecurityStore(db: db).createSession(
            tokenHash: Secrets.sha256(token), staffID: staff.id, csrfToken: csrf, now: testNow, lifetime: 3600)
        return ("earned_session=\(token)", csrf)
    }

    /// Number of rows in a table.
    func count(_ table: String) async throws -> Int {
        let sql = try db.sql
        let row = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()
        return try row!.decode(column: "n", as: Int.self)
    }
}

extension TestingHTTPResponse {
    var text: String { body.string }

    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(body.string.utf8)) as? [String: Any] ?? [:]
    }

    var isProblem: Bool { headers.contentType?.subType == "problem+json" }

    /// The field names a problem+json answer names.
    var problemFields: [String] {
        guard let object = try? json(), let errors = object["errors"] as? [[String: Any]] else { return [] }
        return errors.compactMap { $0["name"] as? String }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// At most `limit` tests hold a database at once.
actor TestGate {
    static let shared = TestGate(limit: 6)
    let limit: Int
    var running = 0
    var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = limit }

    func enter() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }
}
