import Foundation
import PostgresNIO

/// The PostgreSQL schema, as frozen SQL strings in the order they shipped: once one has shipped
/// it never changes (PostgresStoreTests holds each one's digest); a change is a new migration,
/// appended. Each is applied in one transaction and recorded by name in `schema_migrations`;
/// two processes starting at once apply it once (a lock per schema, `PostgresLock.migrationsSpace`). These are not
/// SQLite's migrations: PostgreSQL starts from SQLite's final schema (v13) as its own v1.
enum PostgresMigrations {
    static let ordered: [(name: String, sql: String)] = [
        ("v1", v1)
    ]

    static let bookkeeping: PostgresQuery = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            name text COLLATE "C" PRIMARY KEY,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """

    static func migrate(_ database: PostgresDatabase) async throws {
        for (name, sql) in ordered {
            try await database.write { session in
                // Per schema: deployments (and tests) in other schemas of the same database
                // neither wait for nor hold up this one's migrations.
                try await session.execute("SELECT pg_advisory_xact_lock(\(PostgresLock.migrationsSpace), hashtext(current_schema()))")
                try await session.execute(bookkeeping)
                guard try await session.one("SELECT 1 FROM schema_migrations WHERE name = \(name)") == nil else { return }
                for statement in statements(sql) {
                    try await session.execute(PostgresQuery(unsafeSQL: statement))
                }
                try await session.execute("INSERT INTO schema_migrations (name) VALUES (\(name))")
            }
        }
    }

    /// The statements of a migration: PostgreSQL's extended protocol runs one at a time, and
    /// each statement of these strings ends with `;` at the end of a line.
    static func statements(_ sql: String) -> [String] {
        var statements: [String] = []
        var current = ""
        for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            current += line + "\n"
            if line.trimmingCharacters(in: .whitespaces).hasSuffix(";") {
                statements.append(current.trimmingCharacters(in: .whitespacesAndNewlines))
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { statements.append(rest) }
        return statements
    }
}
