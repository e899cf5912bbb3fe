import FluentKit
import FluentSQL
import SQLKit

/// The customer search index of migration 0037 and the search through it: on SQLite an FTS5
/// trigram table over `customers.search_text`, on PostgreSQL `pg_trgm`'s GIN index.
enum CustomerSearchQueries {
    static func createIndex(on database: any Database) async throws {
        let sql = try database.sql
        switch sql.dialect.name {
        case "sqlite":
            for statement in sqliteStatements { try await sql.raw(SQLQueryString(statement)).run() }
        case "postgresql":
            let schema = try await trigramSchema(sql)
            try await sql.raw(
                """
                CREATE INDEX customers_search_trgm ON customers \
                USING gin (search_text \(ident: schema).gin_trgm_ops)
                """
            ).run()
        default:
            break
        }
    }

    static func dropIndex(on database: any Database) async throws {
        let sql = try database.sql
        switch sql.dialect.name {
        case "sqlite":
            for trigger in ["customers_search_insert", "customers_search_update", "customers_search_delete"] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(ident: trigger)").run()
            }
            try await sql.raw("DROP TABLE IF EXISTS customer_search").run()
        case "postgresql":
            try await sql.raw("DROP INDEX IF EXISTS customers_search_trgm").run()
        default:
            break
        }
    }

    /// The customers whose folded search text holds `term` anywhere. On SQLite through the FTS5
    /// trigram index (migration 0037), which answers `LIKE` from its three-letter pieces and checks
    /// each candidate against the pattern, so it finds exactly what the plain `LIKE` finds; a term
    /// shorter than three letters has no piece to look up and is matched by the plain `LIKE`. On
    /// PostgreSQL the plain `LIKE`, which the `pg_trgm` index serves.
    static func filter(_ term: String, sqliteIndex: Bool) -> DatabaseQuery.Filter {
        let pattern = "%" + term + "%"
        let table = CustomerRecord.schema
        if sqliteIndex && term.unicodeScalars.count >= 3 {
            return .sql(
                embed: """
                    \(ident: table).rowid IN \
                    (SELECT rowid FROM customer_search WHERE search_text LIKE \(bind: pattern))
                    """)
        }
        return .sql(embed: "\(ident: table).\(ident: "search_text") LIKE \(bind: pattern)")
    }

    /// The FTS5 table, its triggers (the pattern of SQLite's documentation for an external-content
    /// table), and the index built from the customers already there.
    static let sqliteStatements = [
        """
        CREATE VIRTUAL TABLE customer_search USING fts5(
            search_text, content = 'customers', content_rowid = 'rowid', tokenize = 'trigram')
        """,
        """
        CREATE TRIGGER customers_search_insert AFTER INSERT ON customers BEGIN
            INSERT INTO customer_search (rowid, search_text) VALUES (new.rowid, new.search_text);
        END
        """,
        """
        CREATE TRIGGER customers_search_delete AFTER DELETE ON customers BEGIN
            INSERT INTO customer_search (customer_search, rowid, search_text)
                VALUES ('delete', old.rowid, old.search_text);
        END
        """,
        """
        CREATE TRIGGER customers_search_update AFTER UPDATE OF search_text ON customers BEGIN
            INSERT INTO customer_search (customer_search, rowid, search_text)
                VALUES ('delete', old.rowid, old.search_text);
            INSERT INTO customer_search (rowid, search_text) VALUES (new.rowid, new.search_text);
        END
        """,
        "INSERT INTO customer_search (customer_search) VALUES ('rebuild')",
    ]

    /// The schema `pg_trgm` lives in, creating it in `public` when the database has none. Two
    /// databases migrating at once in one cluster (tests, one schema each) may both try to create
    /// it; the loser finds the winner's.
    static func trigramSchema(_ sql: any SQLDatabase) async throws -> String {
        struct Row: Decodable { var nspname: String }
        let find: SQLQueryString = """
            SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace \
            WHERE e.extname = 'pg_trgm'
            """
        if let row = try await sql.raw(find).first(decoding: Row.self) { return row.nspname }
        do {
            try await sql.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public").run()
        } catch {
            guard try await sql.raw(find).first(decoding: Row.self) != nil else { throw error }
        }
        return try await sql.raw(find).first(decoding: Row.self)?.nspname ?? "public"
    }
}
