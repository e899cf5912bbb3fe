import Foundation
import SQLKit
import Testing
import Vapor

@testable import EarnedStore
@testable import EarnedWeb

/// `earned restore`, run as the command line runs it, on SQLite files.
@Suite("Restore")
struct RestoreTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("earned-restore-\(UUID().uuidString)")

    /// Runs `earned …` on `database`; answers what it said. The restore command's server check
    /// answers `serving` (nobody, unless a test says so).
    @discardableResult
    func run(
        _ arguments: [String], database: Config.Database, port: Int = 8080, serving: String? = nil
    ) async throws -> [String] {
        var env = Environment.testing
        env.arguments = ["earned"] + arguments
        let app = try await Application.make(env)
        let console = RecordingConsole()
        do {
            var config = Config(database: database, bcryptCost: 4)
            config.port = port
            try await configure(app, config: config, clock: { testNow })
            app.console = console
            app.asyncCommands.use(RestoreCommand(serverCheck: { _ in serving }), as: "restore")
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw RestoreFailure(error: error, said: console.lines)
        }
        try await app.asyncShutdown()
        return console.lines
    }

    /// What a command that stopped had said before it stopped.
    struct RestoreFailure: Error, CustomStringConvertible {
        var error: any Error
        var said: [String]
        var description: String { "\(error): \(said.joined(separator: " | "))" }
    }

    /// Runs a restore that must be refused; answers what it said.
    func refused(_ file: String, into database: String) async throws -> String {
        do {
            try await run(["restore", file], database: .sqlite(path: database))
        } catch let failure as RestoreFailure {
            #expect(failure.error is ExitCode)
            return failure.said.joined(separator: "\n")
        }
        Issue.record("restoring \(file) must be refused")
        return ""
    }

    func withDirectory(_ body: () async throws -> Void) async throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await body()
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func permissions(_ file: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
    }

    func text(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    /// A database with an owner, two customers and their orders.
    func makeDatabase(_ db: String) async throws {
        try await run(
            ["user", "add", "--email", "boss@shop.ru", "--name", "Босс", "--password", "a long password"],
            database: .sqlite(path: db))
        try Data("external_id;name;phone\nK1;Анна;8 916 000 00 01\nK2;Борис;8 916 000 00 02\n".utf8)
            .write(to: URL(fileURLWithPath: path("customers.csv")))
        try await run(["import", "customers", path("customers.csv")], database: .sqlite(path: db))
        try Data(
            "external_id;customer_id;ordered_at;amount\nZ-1;K1;03.11.2026 12:00;10\nZ-2;K2;01.11.2026 09:00;20,50\n"
                .utf8
        ).write(to: URL(fileURLWithPath: path("orders.csv")))
        try await run(["import", "orders", path("orders.csv")], database: .sqlite(path: db))
    }

    /// Opens `file` as an SQLite database without migrating it, and runs `statements`.
    func execute(_ statements: [String], on file: String) async throws {
        let app = try await Application.make(.testing)
        do {
            try await configure(app, config: Config(database: .sqlite(path: file), bcryptCost: 4), clock: { testNow })
            let sql = try app.db.sql
            for statement in statements { try await sql.raw(SQLQueryString(statement)).run() }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    @Test("backup, change, restore: customers and orders export as they did at the backup")
    func roundTrip() async throws {
        try await withDirectory {
            let db = path("earned.sqlite")
            try await makeDatabase(db)
            try await run(["export", "customers", "-o", path("customers-before.csv")], database: .sqlite(path: db))
            try await run(["export", "orders", "-o", path("orders-before.csv")], database: .sqlite(path: db))
            #expect(try text("orders-before.csv").split(whereSeparator: \.isNewline).count == 3)
            try await run(["backup", "--output", path("backup.sqlite")], database: .sqlite(path: db))

            // Work goes on after the backup.
            try Data("external_id;name\nK3;Вера\n".utf8).write(to: URL(fileURLWithPath: path("more.csv")))
            try await run(["import", "customers", path("more.csv")], database: .sqlite(path: db))
            try await run(["export", "customers", "-o", path("customers-changed.csv")], database: .sqlite(path: db))
            #expect(try text("customers-changed.csv") != text("customers-before.csv"))

            // The restored file takes the permissions of the one it replaces.
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: db)
            #expect(try permissions(path("backup.sqlite")) != 0o600)
            let said = try await run(["restore", path("backup.sqlite")], database: .sqlite(path: db))
            #expect(try permissions(db) == 0o600)
            #expect(said.contains { $0.hasPrefix("Restored \(path("backup.sqlite")) into \(db)") })

            try await run(["export", "customers", "-o", path("customers-after.csv")], database: .sqlite(path: db))
            try await run(["export", "orders", "-o", path("orders-after.csv")], database: .sqlite(path: db))
            #expect(try text("customers-after.csv") == text("customers-before.csv"))
            #expect(try text("orders-after.csv") == text("orders-before.csv"))
            // The replaced database is kept beside it, whole: it still has the third customer.
            let kept = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
                $0.hasPrefix("earned.sqlite.before-restore-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm")
            }
            #expect(kept.count == 1)
            try await run(
                ["export", "customers", "-o", path("customers-kept.csv")],
                database: .sqlite(path: path(try #require(kept.first))))
            #expect(try text("customers-kept.csv") == text("customers-changed.csv"))
            // No temporary copy is left behind.
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: directory.path).allSatisfy {
                    !$0.contains(".restore-")
                })
        }
    }

    @Test("a file that is not an SQLite database is refused, and the database is unchanged")
    func notSQLite() async throws {
        try await withDirectory {
            let db = path("earned.sqlite")
            try await makeDatabase(db)
            let before = try Data(contentsOf: URL(fileURLWithPath: db))
            try Data("external_id,name\nK1,Анна\n".utf8).write(to: URL(fileURLWithPath: path("customers-copy.csv")))
            let said = try await refused(path("customers-copy.csv"), into: db)
            #expect(said.contains("\(path("customers-copy.csv")) is not an SQLite database."))
            #expect(said.contains("The database was not changed."))
            #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
            let missing = try await refused(path("nowhere.sqlite"), into: db)
            #expect(missing.contains("There is no file at \(path("nowhere.sqlite"))."))
        }
    }

    @Test("an SQLite file without Fluent's migrations, or with none of Earned's, is refused")
    func notEarned() async throws {
        try await withDirectory {
            let db = path("earned.sqlite")
            try await makeDatabase(db)
            try await execute(["CREATE TABLE notes (body TEXT)"], on: path("other.sqlite"))
            let plain = try await refused(path("other.sqlite"), into: db)
            #expect(plain.contains("is not an Earned database: it has no _fluent_migrations table."))

            try await execute(
                [
                    "CREATE TABLE _fluent_migrations (id TEXT PRIMARY KEY, name TEXT, batch INTEGER, created_at REAL, updated_at REAL)",
                    "INSERT INTO _fluent_migrations VALUES ('a', 'Shop.CreateBaskets', 1, 0, 0)",
                ], on: path("fluent.sqlite"))
            let foreign = try await refused(path("fluent.sqlite"), into: db)
            #expect(foreign.contains("is not an Earned database: none of the migrations it ran are Earned's."))
            try await run(["export", "customers", "-o", path("still.csv")], database: .sqlite(path: db))
            #expect(try text("still.csv").split(whereSeparator: \.isNewline).count == 3)
        }
    }

    @Test("a backup from a newer Earned is refused, naming the migrations this version does not know")
    func newer() async throws {
        try await withDirectory {
            let db = path("earned.sqlite")
            try await makeDatabase(db)
            try await run(["backup", "--output", path("backup.sqlite")], database: .sqlite(path: db))
            try await execute(
                [
                    "INSERT INTO _fluent_migrations (id, name, batch, created_at, updated_at) VALUES ('b', 'EarnedStore.CreateTomorrow', 9, 0, 0)"
                ], on: path("backup.sqlite"))
            let said = try await refused(path("backup.sqlite"), into: db)
            #expect(said.contains("comes from a newer Earned"))
            #expect(said.contains("(EarnedStore.CreateTomorrow)"))
        }
    }

    @Test("an older backup is restored and says which migrations will run at the next start")
    func older() async throws {
        try await withDirectory {
            let db = path("earned.sqlite")
            try await makeDatabase(db)
            try await run(["backup", "--output", path("backup.sqlite")], database: .sqlite(path: db))
            let last = try #require(EarnedMigrations.all.last).name
            try await execute(["DELETE FROM _fluent_migrations WHERE name = '\(last)'"], on: path("backup.sqlite"))
            let said = try await run(["restore", path("backup.sqlite")], database: .sqlite(path: db))
            #expect(
                said.joined(separator: "\n").contains(
                    "1 newer migration will run at the next start (or earned migrate)."))
            // Restored again within the same second: the earlier copies are all kept.
            let known = EarnedMigrations.all.map(\.name)
            let first = try await SQLiteRestore.restore(
                from: path("backup.sqlite"), into: db, knownMigrations: known, stamp: "same")
            let second = try await SQLiteRestore.restore(
                from: path("backup.sqlite"), into: db, knownMigrations: known, stamp: "same")
            #expect(first.keptAs == db + ".before-restore-same")
            #expect(second.keptAs == db + ".before-restore-same-2")
            #expect(first.pending == 1 && first.migrations == known.count - 1)
        }
    }

    @Test("a damaged copy is refused by the integrity check")
    func damaged() async throws {
        try await withDirectory {
            let db = path("earned.sqlite")
            try await makeDatabase(db)
            try await run(["backup", "--output", path("backup.sqlite")], database: .sqlite(path: db))
            // An index that no longer matches its table: the kind of damage integrity_check finds.
            try await execute(
                [
                    "PRAGMA writable_schema = ON",
                    "UPDATE sqlite_master SET sql = replace(sql, 'home_location_id', 'name') WHERE name = 'customers_live_location'",
                ], on: path("backup.sqlite"))
            let said = try await refused(path("backup.sqlite"), into: db)
            #expect(said.contains("is damaged ("))
        }
    }

    @Test("restore refuses while a server answers, on PostgreSQL, and on an in-memory database")
    func elsewhere() async throws {
        try await withDirectory {
            let db = path("earned.sqlite")
            try await makeDatabase(db)
            try await run(["backup", "--output", path("backup.sqlite")], database: .sqlite(path: db))
            do {
                try await run(
                    ["restore", path("backup.sqlite")], database: .sqlite(path: db), serving: "http://127.0.0.1:8080")
                Issue.record("a running server must stop the restore")
            } catch let failure as RestoreFailure {
                #expect(
                    failure.said.contains {
                        $0.hasPrefix("A server answers at http://127.0.0.1:8080, where Earned listens: stop it first")
                    })
            }
            do {
                try await run(
                    ["restore", path("backup.sqlite")], database: .postgres(url: "postgres://u:p@localhost/earned"))
                Issue.record("PostgreSQL must be sent to pg_restore")
            } catch let failure as RestoreFailure {
                #expect(failure.said.contains { $0.contains("pg_restore --clean --if-exists") })
            }
            do {
                try await run(["restore", path("backup.sqlite")], database: .sqliteMemory)
                Issue.record("an in-memory database has no file to restore into")
            } catch let failure as RestoreFailure {
                #expect(failure.said.contains { $0.contains(":memory:") })
            }
        }
    }

    @Test("the server check finds a server listening on the configured address, and nothing on a closed port")
    func serverCheck() async throws {
        let server = try await Application.make(.testing)
        do {
            try await configure(server, config: Config(database: .sqliteMemory, bcryptCost: 4), clock: { testNow })
            try await server.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(server.http.server.shared.localAddress?.port)
            let probe = try await Application.make(.testing)
            var config = Config(database: .sqliteMemory, bcryptCost: 4)
            config.port = port
            try await configure(probe, config: config, clock: { testNow })
            #expect(await RestoreCommand.answeringServer(probe) == "http://127.0.0.1:\(port)")
            await server.server.shutdown()
            #expect(await RestoreCommand.answeringServer(probe) == nil)
            try await probe.asyncShutdown()
        } catch {
            try? await server.asyncShutdown()
            throw error
        }
        try await server.asyncShutdown()
    }
}

/// A console that keeps what a command says.
final class RecordingConsole: Console, @unchecked Sendable {
    private let lock = NSLock()
    private var said: [String] = []
    private var info: [AnySendableHashable: any Sendable] = [:]

    var lines: [String] { lock.withLock { said } }
    var size: (width: Int, height: Int) { (120, 40) }
    var userInfo: [AnySendableHashable: any Sendable] {
        get { lock.withLock { info } }
        set { lock.withLock { info = newValue } }
    }

    func input(isSecure: Bool) -> String { "" }
    func output(_ text: ConsoleText, newLine: Bool) { lock.withLock { said.append(text.description) } }
    func clear(_ type: ConsoleClear) {}
    func report(error: String, newLine: Bool) { lock.withLock { said.append(error) } }
}
