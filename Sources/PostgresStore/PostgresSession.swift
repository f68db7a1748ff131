import Foundation
import PostgresNIO
import SichtbarCore

/// One connection inside one transaction, with the few ways the stores use it.
struct PostgresSession: Sendable {
    let connection: PostgresConnection

    /// Every row of `query`, read into memory.
    func rows(_ query: PostgresQuery) async throws -> [PostgresColumns] {
        try await connection.query(query, logger: PostgresDatabase.logger).collect().map(PostgresColumns.init)
    }

    /// Each row of `query` as it arrives, none kept: for reads of a hundred thousand rows.
    func forEachRow(_ query: PostgresQuery, _ body: (PostgresColumns) throws -> Void) async throws {
        for try await row in try await connection.query(query, logger: PostgresDatabase.logger) { try body(PostgresColumns(row)) }
    }

    func one(_ query: PostgresQuery) async throws -> PostgresColumns? {
        try await rows(query).first
    }

    func execute(_ query: PostgresQuery) async throws {
        _ = try await connection.query(query, logger: PostgresDatabase.logger).collect()
    }

    /// How many rows a changing statement with `RETURNING 1` touched (the row count SQLite
    /// offers as `changes()`).
    func changes(_ query: PostgresQuery) async throws -> Int {
        try await rows(query).count
    }

    /// The integer in the first column of the first row (a count), 0 without a row.
    func count(_ query: PostgresQuery) async throws -> Int {
        try await one(query)?.int(0) ?? 0
    }

    /// Holds `key` until the transaction ends: the PostgreSQL stand-in for SQLite's one writer,
    /// taken by every transaction that reads before it writes what the read decided.
    func lock(_ key: PostgresLock) async throws {
        try await execute("SELECT pg_advisory_xact_lock(\(key.value))")
    }
}
