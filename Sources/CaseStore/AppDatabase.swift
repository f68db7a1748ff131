import Foundation
import GRDB

/// The Sichtbar database: one SQLite file in WAL mode with foreign keys, `secure_delete`, and
/// `synchronous=FULL` on the writer so a committed report survives power loss.
public final class AppDatabase: Sendable {
    public let writer: any DatabaseWriter

    /// Wraps a writer (a pool on disk, or an in-memory queue in tests) and migrates it.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try Migrations.migrator.migrate(writer)
    }

    /// Opens (creating if needed) the database file at `path`.
    public static func open(path: String) throws -> AppDatabase {
        let pool = try DatabasePool(path: path, configuration: configuration())
        // DatabasePool sets synchronous=NORMAL for WAL after opening; intake needs FULL.
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return try AppDatabase(pool)
    }

    /// An in-memory database for tests.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: configuration()))
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // Random ids scatter inserts over the B-trees; a larger page cache keeps them from rereading pages.
            try db.execute(sql: "PRAGMA cache_size = -32768")
        }
        return configuration
    }

    /// True when a write transaction can commit: what `/healthz` reports.
    public func isWritable() async -> Bool {
        do {
            try await writer.write { db in
                try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS health_probe (x INTEGER)")
                try db.execute(sql: "INSERT INTO health_probe (x) VALUES (1)")
                try db.execute(sql: "DELETE FROM health_probe")
                // A temp table never touches the file; also take the file's write lock.
                try db.execute(sql: "UPDATE office SET position = position WHERE 0")
                try db.execute(sql: "PRAGMA main.user_version = \(try Int.fetchOne(db, sql: "PRAGMA main.user_version") ?? 0)")
            }
            return true
        } catch {
            return false
        }
    }

    /// Truncates the WAL after a shredding so deleted pages leave no copy behind.
    public func checkpoint() async {
        _ = try? await writer.writeWithoutTransaction { db in
            try db.checkpoint(.truncate)
        }
    }
}
