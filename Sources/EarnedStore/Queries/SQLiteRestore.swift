import Foundation
import SQLiteNIO

/// Puts a copy of an SQLite database (as `SQLiteBackup` writes one) in place of the database
/// file, after checking that it is an Earned database this version can open: it is copied to a
/// file beside the database, checked there (`PRAGMA integrity_check`, the migrations it holds),
/// and only then renamed over the database, so a refused or failed restore leaves the database
/// as it was. The replaced database is kept beside it, renamed with its write-ahead log.
///
/// Nothing may have the database open meanwhile: the caller makes sure the server is stopped.
public enum SQLiteRestore {
    /// What was put in place.
    public struct Outcome: Sendable, Equatable {
        /// Migrations the restored database had run.
        public var migrations: Int
        /// Earned's migrations it has not run yet: they run at the next start (or `earned migrate`).
        public var pending: Int
        /// Where the database that was replaced now is; nil when there was none.
        public var keptAs: String?
    }

    /// Why a file was not restored; the database is untouched.
    public enum Refusal: Error, Equatable, CustomStringConvertible {
        case missing(String)
        case notSQLite(String)
        case noMigrations(String)
        case notEarned(String)
        case newer(String, unknown: [String])
        case damaged(String, problems: [String])
        case sameFile(String)

        public var description: String {
            switch self {
            case .missing(let path): return "There is no file at \(path)."
            case .notSQLite(let path): return "\(path) is not an SQLite database."
            case .noMigrations(let path):
                return "\(path) is not an Earned database: it has no _fluent_migrations table."
            case .notEarned(let path):
                return "\(path) is not an Earned database: none of the migrations it ran are Earned's."
            case .newer(let path, let unknown):
                let names = unknown.prefix(5).joined(separator: ", ") + (unknown.count > 5 ? ", …" : "")
                return
                    "\(path) comes from a newer Earned: it ran migrations this version does not know (\(names)). Restore it with that version or a later one."
            case .damaged(let path, let problems):
                return "\(path) is damaged (\(problems.prefix(3).joined(separator: "; "))); restore an older backup."
            case .sameFile(let path):
                return "\(path) is the database itself; give a backup file."
            }
        }
    }

    /// The first 16 bytes of every SQLite 3 database file.
    static let header = Array("SQLite format 3\u{0}".utf8)

    /// Restores `source` into `target`. `knownMigrations` are the names of the migrations this
    /// version has; `stamp` names the kept copy of the replaced database.
    public static func restore(
        from source: String, into target: String, knownMigrations: [String], stamp: String
    ) async throws -> Outcome {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: source, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw Refusal.missing(source)
        }
        guard let handle = FileHandle(forReadingAtPath: source) else { throw Refusal.missing(source) }
        let start = try handle.read(upToCount: header.count) ?? Data()
        try handle.close()
        guard Array(start) == header else { throw Refusal.notSQLite(source) }
        let sourceURL = URL(fileURLWithPath: source).standardizedFileURL.resolvingSymlinksInPath()
        let targetURL = URL(fileURLWithPath: target).standardizedFileURL.resolvingSymlinksInPath()
        guard sourceURL.path != targetURL.path else { throw Refusal.sameFile(source) }

        // The copy is made beside the database, so that the final rename stays on one file system.
        let temporary = targetURL.deletingLastPathComponent()
            .appendingPathComponent(".\(targetURL.lastPathComponent).restore-\(UUID().uuidString)").path
        let sidecars = ["-wal", "-shm", "-journal"]
        defer { for path in [temporary] + sidecars.map({ temporary + $0 }) { try? files.removeItem(atPath: path) } }
        try files.copyItem(atPath: source, toPath: temporary)
        // A copy taken from a live database may have its last transactions in its log still.
        if files.fileExists(atPath: source + "-wal") {
            try files.copyItem(atPath: source + "-wal", toPath: temporary + "-wal")
        }

        let migrations = try await check(temporary, reportedAs: source, knownMigrations: Set(knownMigrations))

        // The restored file belongs to whoever owned the one it replaces (a restore run as root
        // must not leave the service's user a database it cannot write).
        if let replaced = try? files.attributesOfItem(atPath: targetURL.path) {
            let owner = replaced.filter { [.posixPermissions, .ownerAccountID, .groupOwnerAccountID].contains($0.key) }
            try? files.setAttributes(owner, ofItemAtPath: temporary)
        }
        // What is there now is moved aside whole: a log left beside the new file would be
        // replayed into it.
        let database = targetURL.path
        let present = ["", "-wal", "-journal"].filter { files.fileExists(atPath: database + $0) }
        var kept = database + ".before-restore-" + stamp
        var number = 1
        while ["", "-wal", "-journal"].contains(where: { files.fileExists(atPath: kept + $0) }) {
            number += 1
            kept = database + ".before-restore-" + stamp + "-\(number)"
        }
        var moved: [String] = []
        func putBack() { for suffix in moved { try? files.moveItem(atPath: kept + suffix, toPath: database + suffix) } }
        do {
            for suffix in present {
                try files.moveItem(atPath: database + suffix, toPath: kept + suffix)
                moved.append(suffix)
            }
            // The shared-memory index belongs to the log moved above; SQLite rebuilds it.
            try? files.removeItem(atPath: database + "-shm")
            try files.moveItem(atPath: temporary, toPath: database)
        } catch {
            putBack()
            throw error
        }
        let keptAs = present.isEmpty ? nil : kept
        return Outcome(
            migrations: migrations.count, pending: Set(knownMigrations).subtracting(migrations).count, keptAs: keptAs)
    }

    /// Checks the copy at `path`: Earned's migrations and none newer, and no damage. Leaves it
    /// a single file (its log folded in). Answers the migrations it ran.
    static func check(_ path: String, reportedAs source: String, knownMigrations: Set<String>) async throws -> [String]
    {
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: .file(path: path))
        } catch {
            throw Refusal.damaged(source, problems: [String(describing: error)])
        }
        do {
            let names = try await migrationNames(connection, source: source)
            guard !names.isEmpty, !knownMigrations.isDisjoint(with: names) else { throw Refusal.notEarned(source) }
            let unknown = names.filter { !knownMigrations.contains($0) }
            guard unknown.isEmpty else { throw Refusal.newer(source, unknown: unknown) }
            let problems = try await connection.query("PRAGMA integrity_check").compactMap {
                $0.columns.first?.data.string
            }
            guard problems == ["ok"] else { throw Refusal.damaged(source, problems: problems) }
            _ = try await connection.query("PRAGMA journal_mode=DELETE")
            try await connection.close()
            return names
        } catch let refusal as Refusal {
            try? await connection.close()
            throw refusal
        } catch {
            try? await connection.close()
            throw Refusal.damaged(source, problems: [String(describing: error)])
        }
    }

    private static func migrationNames(_ connection: SQLiteConnection, source: String) async throws -> [String] {
        let tables = try await connection.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_fluent_migrations'")
        guard !tables.isEmpty else { throw Refusal.noMigrations(source) }
        return try await connection.query("SELECT name FROM _fluent_migrations ORDER BY batch, name").compactMap {
            $0.column("name")?.string
        }
    }
}
