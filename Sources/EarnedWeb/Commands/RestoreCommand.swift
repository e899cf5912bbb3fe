import EarnedStore
import Fluent
import Vapor

/// `earned restore FILE`: puts a copy made by `earned backup` in place of the SQLite database.
/// The server must be stopped: a running one keeps the replaced file open and goes on writing
/// to it. The command refuses while something answers on the configured address; a server
/// listening elsewhere (another EARNED_HOSTNAME or EARNED_PORT) cannot be seen from here.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "the copy to restore, as written by earned backup") var file: String
    }

    /// Says whether an Earned server answers at the configured address, naming it.
    var serverCheck: @Sendable (Application) async -> String? = { await RestoreCommand.answeringServer($0) }

    var help: String {
        """
        Replaces the SQLite database with a copy written by earned backup. Stop the server first (e.g. systemctl stop \
        earned): the command refuses while one answers on EARNED_HOSTNAME:EARNED_PORT. The file must be an Earned \
        database from this version or an older one (newer migrations run at the next start); it is checked beside \
        the database before it replaces it, and the replaced file is kept as <database>.before-restore-<time>. On \
        PostgreSQL use pg_restore.
        """
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let console = context.console
        try await CommandFailure.reported(on: console) {
            let target: String
            switch app.earned.config.database {
            case .sqlite(let path):
                target = path
            case .sqliteMemory:
                throw CommandFailure(
                    description: "EARNED_SQLITE_PATH is :memory:; there is no database file to restore into.")
            case .postgres:
                throw CommandFailure(
                    description: """
                        Earned is on PostgreSQL: restore a pg_dump -Fc file with pg_restore, e.g. \
                        pg_restore --clean --if-exists --no-owner -d "$EARNED_DATABASE_URL" earned.dump
                        """)
            }
            if let address = await serverCheck(app) {
                throw CommandFailure(
                    description:
                        "A server answers at \(address), where Earned listens: stop it first (e.g. systemctl stop earned), restore, then start it again."
                )
            }
            let stamp = Self.stamp(Date())
            let outcome: SQLiteRestore.Outcome
            do {
                outcome = try await SQLiteRestore.restore(
                    from: signature.file, into: target, knownMigrations: EarnedMigrations.all.map(\.name), stamp: stamp)
            } catch let refusal as SQLiteRestore.Refusal {
                throw CommandFailure(description: refusal.description + " The database was not changed.")
            } catch let error as CocoaError {
                throw CommandFailure(
                    description:
                        "Could not restore \(signature.file): \(error.localizedDescription) The database was not changed."
                )
            }
            var lines = ["Restored \(signature.file) into \(target) (\(outcome.migrations) migrations)."]
            if outcome.pending > 0 {
                lines.append(
                    "\(outcome.pending) newer migration\(outcome.pending == 1 ? "" : "s") will run at the next start (or earned migrate)."
                )
            }
            if let kept = outcome.keptAs {
                lines.append("The database it replaced is kept as \(kept); delete it when you no longer need it.")
            }
            console.info(lines.joined(separator: "\n"))
        }
    }

    /// `20261206-081500`: the UTC time that names the kept copy of the replaced database.
    static func stamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02d-%02d%02d%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0,
            c.second ?? 0)
    }

    /// Asks `/health` at the address `serve` listens on; any answer means a server is there.
    static func answeringServer(_ app: Application) async -> String? {
        let config = app.earned.config
        var host = config.hostname
        switch host {
        case "0.0.0.0", "": host = "127.0.0.1"
        case "::", "[::]": host = "::1"
        default: break
        }
        if host.contains(":"), !host.hasPrefix("[") { host = "[\(host)]" }
        let address = "http://\(host):\(config.port)"
        do {
            _ = try await app.client.get(URI(string: address + SiteURL.health.path)) { $0.timeout = .seconds(3) }
            return address
        } catch {
            return nil
        }
    }
}
