import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation
import Testing
import Vapor

@testable import EarnedWeb

/// The command line, run as `earned …` would run it, on an SQLite file.
@Suite("Command line")
struct CommandTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("earned-cli-\(UUID().uuidString)")

    func run(
        _ arguments: [String], database: String, adjust: (Application) -> Void = { _ in }
    ) async throws {
        var env = Environment.testing
        env.arguments = ["earned"] + arguments
        let app = try await Application.make(env)
        do {
            try await configure(
                app, config: Config(database: .sqlite(path: database), bcryptCost: 4), clock: { testNow })
            adjust(app)
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    func withDatabase(_ body: (String) async throws -> Void) async throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await body(directory.appendingPathComponent("earned.sqlite").path)
    }

    @Test("fit simulates a summary, fits it with per-customer scores, and refuses a bad file with its line")
    func fit() async throws {
        try await withDatabase { db in
            let summary = directory.appendingPathComponent("summary.csv")
            try await run(["fit", summary.path, "--simulate", "3000", "--seed", "7"], database: db)
            let lines = try String(contentsOf: summary, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 3001)
            let customers = directory.appendingPathComponent("scores.csv")
            try await run(["fit", summary.path, "--customers", customers.path], database: db)
            let rows = try String(contentsOf: customers, encoding: .utf8).split(separator: "\n")
            #expect(rows.count == 3001)
            #expect(rows[0].hasPrefix("customer_id,frequency,recency,T,p_alive"))
            let bad = directory.appendingPathComponent("bad.csv")
            try Data("customer,date,amount\nA,2024-01-05,10\nA,2024-02-30,12\n".utf8).write(to: bad)
            await #expect(throws: ExitCode.self) { try await run(["fit", bad.path], database: db) }
        }
    }

    /// The chunked writer behind `fit --customers` and `--simulate`: many more chunks than are ever
    /// held at once, formatted on every core, land in order; a failing disk stops it with its
    /// reason instead of leaving a worker waiting.
    @Test func chunksAreWrittenInOrderAndAFullDiskIsReported() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("rows.csv")
        let count = 250_000
        try FitCommand.write(url, count: count, header: { $0 += Array("n\n".utf8) }) { buffer, rows in
            for i in rows { buffer += Array("\(i)\n".utf8) }
        }
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == count + 1)
        #expect(lines.first == "n")
        #expect(lines.dropFirst().enumerated().allSatisfy { Int($1) == $0 })

        // Written again, shorter: the new text alone. Through a symbolic link: the file it names.
        try FitCommand.write(url, count: 3, header: { $0 += Array("m\n".utf8) }) { buffer, rows in
            for i in rows { buffer += Array("\(i)\n".utf8) }
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == "m\n0\n1\n2\n")
        let link = directory.appendingPathComponent("link.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: url)
        try FitCommand.write(link, count: 1, header: { $0 += Array("k\n".utf8) }) { buffer, _ in buffer += [0x37, 0x0A]
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == url.path)
        #expect(try String(contentsOf: url, encoding: .utf8) == "k\n7\n")

        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        #expect {
            try FitCommand.write(URL(fileURLWithPath: "/dev/full"), count: count, header: { _ in }) { buffer, rows in
                for i in rows { buffer += Array("\(i)\n".utf8) }
            }
        } throws: { error in
            String(describing: error).contains("cannot write /dev/full")
        }
    }

    @Test("user add creates the first owner; import, export and backup work on the file")
    func lifecycle() async throws {
        try await withDatabase { db in
            try await run(
                ["user", "add", "--email", "Boss@Shop.ru", "--name", "Босс", "--password", "a long password"],
                database: db)
            let customers = directory.appendingPathComponent("customers.csv")
            try Data("Код;ФИО;Телефон\nK1;Анна;8 916 000 00 01\nK2;Борис;8 916 000 00 02\n".utf8).write(to: customers)
            try await run(["import", "customers", customers.path], database: db)
            try await run(["import", "customers", customers.path], database: db)
            let exported = directory.appendingPathComponent("out.csv")
            try await run(["export", "customers", "--output", exported.path], database: db)
            let text = try String(contentsOf: exported, encoding: .utf8)
            #expect(text.hasPrefix("external_id,name,kind,phone"))
            #expect(text.contains("K1,Анна,person,+79160000001"))
            #expect(text.split(whereSeparator: \.isNewline).count == 3)
            let backup = directory.appendingPathComponent("copy.sqlite")
            try await run(["backup", "--output", backup.path], database: db)
            #expect(FileManager.default.fileExists(atPath: backup.path))
            // The copy is a working database with the same customers.
            let again = directory.appendingPathComponent("again.csv")
            try await run(["export", "customers", "-o", again.path], database: backup.path)
            #expect(try String(contentsOf: again, encoding: .utf8) == text)
        }
    }

    @Test("migrate runs every migration without asking, then finds nothing to do")
    func migrate() async throws {
        try await withDatabase { db in
            try await run(["migrate"], database: db)
            try await run(["migrate", "--yes"], database: db)
            try await withApp(database: db) { app in
                let (run, scenarios) = (
                    try await app.count("_fluent_migrations"), try await app.count("forecast_scenarios")
                )
                #expect(run == EarnedMigrations.all.count)
                #expect(scenarios == 0)
            }
        }
    }

    @Test("user add with no terminal to ask on names the missing option and creates nobody")
    func userAddWithoutTerminal() async throws {
        try await withDatabase { db in
            func noTerminal(_ app: Application) {
                var user = AsyncCommandGroupBuilder(help: "")
                user.add(UserAddCommand(prompt: CommandPrompt(interactive: { false })), as: "add")
                app.asyncCommands.use(user, as: "user")
            }
            await #expect(throws: CommandFailure.self) {
                try await run(["user", "add", "--email", "boss@shop.ru"], database: db, adjust: noTerminal)
            }
            do {
                try await run(
                    ["user", "add", "--email", "boss@shop.ru", "--name", "Босс"], database: db, adjust: noTerminal)
                Issue.record("a missing password must stop the command")
            } catch let failure as CommandFailure {
                #expect(failure.description == "give --password: there is no terminal to ask on")
            }
            try await withApp(database: db) { app in
                let staff = try await app.count("staff")
                #expect(staff == 0)
            }
            try await run(
                ["user", "add", "--email", "boss@shop.ru", "--name", "Босс", "--password", "a long password"],
                database: db, adjust: noTerminal)
            try await withApp(database: db) { app in
                let staff = try await app.count("staff")
                #expect(staff == 1)
            }
        }
    }

    @Test("an import with a bad line exits with an error and writes nothing")
    func badImport() async throws {
        try await withDatabase { db in
            try await run(
                ["user", "add", "--email", "boss@shop.ru", "--name", "Босс", "--password", "a long password"],
                database: db)
            let file = directory.appendingPathComponent("bad.csv")
            try Data("name,email\nАнна,anna@\n".utf8).write(to: file)
            await #expect(throws: ExitCode.self) { try await run(["import", "customers", file.path], database: db) }
            let out = directory.appendingPathComponent("out.csv")
            try await run(["export", "customers", "-o", out.path], database: db)
            #expect(try String(contentsOf: out, encoding: .utf8).split(separator: "\n").count == 1)
        }
    }

    @Test("the demo command fills an empty database and refuses a full one")
    func demo() async throws {
        try await withDatabase { db in
            try await run(["demo", "--seed", "7"], database: db)
            let out = directory.appendingPathComponent("out.csv")
            try await run(["export", "customers", "-o", out.path], database: db)
            let lines = try String(contentsOf: out, encoding: .utf8).split(whereSeparator: \.isNewline).count
            #expect(lines > 4_500)
            await #expect(throws: DemoSeeder.NotEmpty.self) { try await run(["demo"], database: db) }
        }
    }

    /// Opens the file's database as the server would and runs `body` on it.
    func withApp(database: String, _ body: (Application) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        do {
            try await configure(
                app, config: Config(database: .sqlite(path: database), bcryptCost: 4), clock: { testNow })
            try await prepareDatabase(app)
            try await body(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    @Test("forecast runs a scenario file on the stored baseline and saves it; a bad file exits with the reason")
    func forecast() async throws {
        try await withDatabase { db in
            try await run(
                ["user", "add", "--email", "boss@shop.ru", "--name", "Босс", "--password", "a long password"],
                database: db)
            let file = directory.appendingPathComponent("scenario.json")
            try Data(
                #"{"kind":"discount","reward_rate":0.05,"horizon_months":12,"withdrawal":{"month":6,"churn_spike":{"low":0,"likely":0.05,"high":0.1}}}"#
                    .utf8
            ).write(to: file)
            // Before a score run there is nothing to forecast on.
            await #expect(throws: ExitCode.self) { try await run(["forecast", "--scenario", file.path], database: db) }
            try await withApp(database: db) { app in
                try await ScoreStore(db: app.db).save(
                    ForecastWebTests.baseline, as: ForecastBaseline.key, at: testNow)
            }
            try await run(
                ["forecast", "--scenario", file.path, "--format", "json", "--save", "Скидка 5 %"], database: db)
            try await run(["forecast", "--scenario", file.path], database: db)
            try await run(["forecast", "--defaults"], database: db)
            let bad = directory.appendingPathComponent("bad.json")
            try Data(#"{"runs": 5, "participation": {"low": 0.9, "likely": 0.1, "high": 0.2}}"#.utf8).write(to: bad)
            await #expect(throws: ExitCode.self) { try await run(["forecast", "--scenario", bad.path], database: db) }
            try Data(#"{"kind": "discount",, }"#.utf8).write(to: bad)
            await #expect(throws: ExitCode.self) { try await run(["forecast", "--scenario", bad.path], database: db) }
            await #expect(throws: ExitCode.self) {
                try await run(["forecast", "--scenario", file.path, "--format", "yaml"], database: db)
            }
            try await withApp(database: db) { app in
                let owner = try #require(try await StaffRepository(db: app.db).firstOwner())
                let saved = try await ForecastStore(db: app.db).list(actor: owner, limit: 10)
                #expect(saved.map(\.name) == ["Скидка 5 %"])
                #expect(saved.first?.kind == "discount")
            }
        }
    }
}
