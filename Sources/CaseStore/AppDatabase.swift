import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// The Sichtbar database: one SQLite file in WAL mode with foreign keys, `secure_delete`, and
/// `synchronous=FULL` on the writer so a committed report survives power loss.
public final class AppDatabase: Sendable {
    public let writer: any DatabaseWriter
    /// Copies the log into the file off the writer; nil in memory.
    private let checkpointer: BackgroundCheckpointer?

    /// Wraps a writer (a pool on disk, or an in-memory queue in tests) and migrates it.
    public convenience init(_ writer: any DatabaseWriter) throws {
        try self.init(writer, checkpointer: nil)
    }

    private init(_ writer: any DatabaseWriter, checkpointer: BackgroundCheckpointer?) throws {
        self.writer = writer
        self.checkpointer = checkpointer
        try Migrations.migrator.migrate(writer)
    }

    deinit {
        checkpointer?.stop()
    }

    /// Opens (creating if needed) the database file at `path`.
    public static func open(path: String) throws -> AppDatabase {
        let pool = try DatabasePool(path: path, configuration: configuration())
        // DatabasePool sets synchronous=NORMAL for WAL after opening; intake needs FULL.
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(BackgroundCheckpointer.writerFallbackPages)")
        }
        return try AppDatabase(pool, checkpointer: BackgroundCheckpointer(writer: pool))
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

    /// Below this much free space on the database's file system `/healthz` answers 503: the write
    /// probe alone would pass while the write-ahead log still has room, and fail only later.
    public static let minimumFreeBytes: UInt64 = 4 << 20

    /// Free bytes for unprivileged writers on the file system of the database file; nil in memory.
    public var freeBytes: UInt64? {
        let path = writer.path
        guard !path.isEmpty, path != ":memory:" else { return nil }
        var stats = statvfs()
        guard statvfs((path as NSString).deletingLastPathComponent, &stats) == 0 else { return nil }
        return UInt64(stats.f_bavail) * UInt64(stats.f_frsize)
    }

    /// True when a write transaction can commit and the disk has room: what `/healthz` reports.
    public func isWritable() async -> Bool {
        if let free = freeBytes, free < Self.minimumFreeBytes { return false }
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

    /// Truncates the WAL after a shredding so deleted pages leave no copy behind. While the
    /// background checkpointer copies, SQLite answers BUSY at once (no busy handler for the
    /// checkpoint lock), so this tries again, for up to 10 s.
    public func checkpoint() async {
        let deadline = ContinuousClock.now + .seconds(10)
        while true {
            do {
                _ = try await writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(5))
            } catch {
                return
            }
        }
    }
}

extension AppDatabase {
    /// A consistent copy of the whole database at `path` (`VACUUM INTO`), taken on a reader beside
    /// the running writer: intake goes on while it is made, and the copy is one snapshot.
    public func copy(to path: String) async throws {
        try await writer.unsafeRead { db in
            try db.execute(sql: "VACUUM INTO ?", arguments: [path])
        }
    }

    /// `PRAGMA integrity_check`: "ok", or what it found.
    public func integrityCheck() async throws -> String {
        try await writer.read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
        }
    }
}
