import FluentKit

/// Customer search through an index of three-letter pieces instead of a scan of every customer's
/// folded `search_text` (`CustomerSearchQueries`):
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
        try await CustomerSearchQueries.createIndex(on: database)
    }

    func revert(on database: any Database) async throws {
        try await CustomerSearchQueries.dropIndex(on: database)
    }
}
