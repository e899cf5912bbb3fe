import FluentKit
import SQLKit

/// Customer search through an index of three-letter pieces instead of a scan of every customer's
/// folded `search_text` (`CustomerSearch`):
/// - SQLite: an FTS5 table with the trigram tokenizer over `customers.search_text` (external
///   content, keyed by the customers' rowid), kept in step by triggers, so every way a customer
///   is written — a form, an import, the demo's bulk writer, a merge, an erasure — updates it;
/// - PostgreSQL: the `pg_trgm` extension and a GIN index on `search_text`, which `LIKE '%…%'`
///   uses by itself. The extension goes into the schema it already lives in, or `public`, and
///   the index names its operator class there, so a database whose search path is another
///   schema (one per test) finds it.
struct CreateCustomerSearchIndex: AsyncMigration {
    var name: String { "0037_CreateCustomerSearchIndex" }

    func prepare(on database: any Database) async throws {
        let sql = try database.sql
        switch sql.dialect.name {
        case "sqlite":
            for statement in Self.sqliteStatements { try await sql.raw(SQLQueryString(statement)).run() }
        case "postgresql":
            let schema = try await Self.trigramSchema(sql)
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

    func revert(on database: any Database) async throws {
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
