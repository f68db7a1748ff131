import Foundation
import PostgresNIO
import SichtbarCore

/// PostgreSQL's heap keeps rows in the order they were written, and every row keeps the id of the
/// transaction that wrote it (`xmin`): together they tell which intake batch came before which to
/// anyone who reads the data files or may query system columns. SQLite stores these rows by random
/// key and loses the order at its next checkpoint; here a daily rewrite does the same work.
extension PostgresDatabase {
    /// The tables whose rows arrive when a reporter or a counsellor acts, children after parents,
    /// each with the key its rows are written back in (random ids, so the order tells nothing).
    static let rewrittenTables: [(table: String, order: String)] = [
        ("case_file", "id"), ("mailbox", "lookup_id"), ("record", "id"), ("case_assignee", "case_id, member_id"),
        ("case_facets", "id"), ("contact_tally", "id"), ("audit_pending", "id"),
    ]

    /// Rewrites those tables in one transaction: every row is copied aside, deleted and written
    /// back in the order of its random key, so every row carries the one transaction id of the
    /// rewrite. Writers wait while it runs (the tables are locked against writes, not reads); a
    /// reporter's request waits, it is not refused. Then CLUSTER writes each table into a new file
    /// in key order and drops the old file with the deleted versions, so the heap's order follows
    /// the ids. (CLUSTER keeps what a running transaction may still see; TRUNCATE would not, and
    /// a long read could then find the tables empty.) Returns the rows rewritten.
    @discardableResult
    public func eraseArrivalOrder() async throws -> Int {
        let tables = Self.rewrittenTables
        let rows = try await write { session in
            try await session.execute(
                PostgresQuery(unsafeSQL: "LOCK TABLE " + tables.map(\.table).joined(separator: ", ") + " IN EXCLUSIVE MODE"))
            var rows = 0
            for (table, _) in tables {
                try await session.execute(
                    PostgresQuery(unsafeSQL: "CREATE TEMPORARY TABLE kept_\(table) ON COMMIT DROP AS SELECT * FROM \(table)"))
            }
            // Children first, so no delete cascades into a row still to be copied back.
            for (table, _) in tables.reversed() {
                rows += try await session.count(
                    PostgresQuery(unsafeSQL: "WITH gone AS (DELETE FROM \(table) RETURNING 1) SELECT count(*) FROM gone"))
            }
            for (table, order) in tables {
                try await session.execute(PostgresQuery(unsafeSQL: "INSERT INTO \(table) SELECT * FROM kept_\(table) ORDER BY \(order)"))
            }
            return rows
        }
        try await cluster(tables.map(\.table))
        return rows
    }

    /// CLUSTER outside any transaction (it cannot run inside one), each table by its primary key:
    /// a new file in key order, the old one with the deleted versions removed.
    func cluster(_ tables: [String]) async throws {
        try await client.withConnection { connection in
            for table in tables {
                _ = try await connection.query(PostgresQuery(unsafeSQL: "CLUSTER \(table) USING \(table)_pkey"), logger: Self.logger)
                    .collect()
            }
        }
    }
}
