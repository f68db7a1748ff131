import Foundation
import GRDB
import GRDBSQLite
import Synchronization
import Testing

@testable import CaseStore

/// The background checkpointer finishes the write-ahead log while writes go on, flushing the
/// database file itself before it asks the writer, and loses nothing.
@Suite struct BackgroundCheckpointerTests {
    /// How many flushes the checkpointer ran, and what each answered.
    final class FlushLog: Sendable {
        let results = Mutex<[Bool]>([])
        var count: Int { results.withLock { $0.count } }
    }

    /// A read transaction on its own connection, holding its snapshot until `end()`: the
    /// checkpoints cannot copy past it, as they cannot reach the end of a log that steady intake
    /// keeps lengthening.
    final class HeldReader: Sendable {
        private let handle: Mutex<OpaquePointer?>

        init(_ path: String) throws {
            var reader: OpaquePointer?
            guard sqlite3_open_v2(path, &reader, SQLITE_OPEN_READONLY, nil) == SQLITE_OK,
                sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM item;", nil, nil, nil) == SQLITE_OK
            else { throw DatabaseError(resultCode: .SQLITE_CANTOPEN) }
            handle = Mutex(reader)
        }

        func end() {
            handle.withLock { reader in
                sqlite3_exec(reader, "COMMIT", nil, nil, nil)
                sqlite3_close(reader)
                reader = nil
            }
        }
    }

    /// Rounds by hand (the timer all but never fires) unless `interval` is given. Each flush runs
    /// `before`, then flushes for real, or answers `answer` without flushing, and records its answer.
    static func settings(
        _ log: FlushLog, interval: DispatchTimeInterval = .seconds(3600), restartFrames: Int32 = 64,
        before: @escaping @Sendable () -> Void = {}, answer: Bool? = nil
    ) -> BackgroundCheckpointer.Settings {
        BackgroundCheckpointer.Settings(
            interval: interval, restartFrames: restartFrames, flushRounds: 2,
            flushDatabase: { flush in
                before()
                let flushed = answer ?? flush()
                log.results.withLock { $0.append(flushed) }
                return flushed
            })
    }

    /// A database file whose writer never checkpoints by itself (`wal_autocheckpoint = 0`), so
    /// only the checkpointer can start the log over.
    static func database() throws -> (DatabasePool, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sichtbar-checkpoint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pool = try DatabasePool(path: folder.appendingPathComponent("db.sqlite").path)
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
            try db.execute(sql: "CREATE TABLE item (id BLOB PRIMARY KEY, body BLOB NOT NULL) WITHOUT ROWID")
        }
        return (pool, folder)
    }

    /// Twenty rows under random keys, as intake scatters its inserts.
    static func writeBatch(_ pool: DatabasePool) throws {
        try pool.write { db in
            for _ in 0..<20 {
                let id = Data((0..<16).map { _ in UInt8.random(in: 0...255) })
                try db.execute(sql: "INSERT INTO item (id, body) VALUES (?, ?)", arguments: [id, Data(repeating: 7, count: 900)])
            }
        }
    }

    /// The log's checkpoint sequence number (bytes 12–15 of its header): SQLite raises it each
    /// time it starts the log over.
    static func logSequence(_ pool: DatabasePool) -> UInt32? {
        guard let header = FileManager.default.contents(atPath: pool.path + "-wal"), header.count >= 32 else { return nil }
        return header[12..<16].reduce(0) { $0 << 8 | UInt32($1) }
    }

    static func logPages(_ pool: DatabasePool) -> Int {
        let size = (try? FileManager.default.attributesOfItem(atPath: pool.path + "-wal")[.size] as? Int) ?? 0
        return max(size - 32, 0) / (4096 + 24)
    }

    /// A reader keeps the checkpointer's copies from finishing the log; it ends during the
    /// first flush. The writer's checkpoint, queued after the flushes, finishes the log, and the
    /// next write starts it over. Without the writer's step this fails (the copies stopped at the
    /// reader's snapshot and nothing else copies the rest).
    @Test func theWriterFinishesTheLogTheCopiesCouldNot() throws {
        let (pool, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        for _ in 0..<10 { try Self.writeBatch(pool) }
        let reader = try HeldReader(pool.path)
        try Self.writeBatch(pool)
        let log = FlushLog()
        let settings = Self.settings(log, before: reader.end)
        let checkpointer = try #require(BackgroundCheckpointer(writer: pool, settings: settings))
        defer { checkpointer.stop() }
        let first = try #require(Self.logSequence(pool))
        checkpointer.runRound()
        #expect(log.results.withLock { $0 } == [true, true], "two flush rounds, through SQLite's handle")
        // GRDB's writer runs its jobs in order: the queued checkpoint runs before this write.
        try Self.writeBatch(pool)
        #expect(Self.logSequence(pool) != first, "the log started over at the next write")
        let rows = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM item") }
        #expect(rows == 12 * 20)
    }

    /// A flush that fails ends the round: the writer is not asked to finish the log.
    @Test func aFailedFlushLeavesTheLogAsItIs() throws {
        let (pool, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        for _ in 0..<10 { try Self.writeBatch(pool) }
        let reader = try HeldReader(pool.path)
        try Self.writeBatch(pool)
        let log = FlushLog()
        let settings = Self.settings(log, before: reader.end, answer: false)
        let checkpointer = try #require(BackgroundCheckpointer(writer: pool, settings: settings))
        defer { checkpointer.stop() }
        let first = try #require(Self.logSequence(pool))
        checkpointer.runRound()
        #expect(log.count == 1, "no second round after a failed flush")
        try Self.writeBatch(pool)
        #expect(Self.logSequence(pool) == first, "the log goes on; nothing finished it")
    }

    /// The timer runs the rounds by itself while writes go on: with a reader holding the copies
    /// back until the first flush, the log starts over only after flushes, and nothing is lost.
    @Test func theTimerFinishesTheLogWhileWritesGoOn() throws {
        let (pool, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writeBatch(pool)
        let reader = try HeldReader(pool.path)
        let log = FlushLog()
        let settings = Self.settings(log, interval: .milliseconds(5), before: reader.end)
        let checkpointer = try #require(BackgroundCheckpointer(writer: pool, settings: settings))
        defer { checkpointer.stop() }
        let first = try #require(Self.logSequence(pool))
        var batches = 1
        let deadline = Date().addingTimeInterval(60)
        while Self.logSequence(pool) == first, Date() < deadline {
            try Self.writeBatch(pool)
            batches += 1
        }
        #expect(Self.logSequence(pool) != first, "the log was started over within 60 s of writes")
        #expect(log.count >= 1, "only after the database file was flushed")
        let rows = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM item") }
        #expect(rows == batches * 20)
        let check = try pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(check == "ok")
    }

    /// Below the mark a round only copies: the copy reaches the end of a log nobody writes to, so
    /// the next write starts it over, and nothing was flushed by the checkpointer.
    @Test func aShortLogIsOnlyCopied() throws {
        let (pool, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = FlushLog()
        let settings = Self.settings(log, restartFrames: 100_000, answer: true)
        let checkpointer = try #require(BackgroundCheckpointer(writer: pool, settings: settings))
        defer { checkpointer.stop() }
        for _ in 0..<10 { try Self.writeBatch(pool) }
        let first = try #require(Self.logSequence(pool))
        checkpointer.runRound()
        try Self.writeBatch(pool)
        #expect(Self.logSequence(pool) != first, "the round copied the whole log")
        #expect(log.count == 0)
    }

    /// The flush keeps the process's locks on the database file. Flushing through a descriptor of
    /// our own and closing it would drop every POSIX lock this process holds there, and another
    /// process could then take the file as unused and delete the log under the server.
    @Test func flushingKeepsTheLocksOnTheDatabaseFile() throws {
        let (pool, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        for _ in 0..<10 { try Self.writeBatch(pool) }
        // Kept open until the test ends: closing it would itself drop the process's locks.
        let probe = open(pool.path, O_RDONLY | O_CLOEXEC)
        try #require(probe >= 0)
        defer { close(probe) }
        #expect(Self.sharedLockHeld(probe), "the pool's connections hold SQLite's shared lock")
        let log = FlushLog()
        let settings = Self.settings(log)
        let checkpointer = try #require(BackgroundCheckpointer(writer: pool, settings: settings))
        defer { checkpointer.stop() }
        checkpointer.runRound()
        #expect(log.results.withLock { $0 } == [true, true])
        #expect(Self.sharedLockHeld(probe), "still held after the flushes")
    }

    /// Whether some lock conflicts with a write lock on SQLite's shared-lock bytes, asked through
    /// an open file description of the test's own (F_OFD_GETLK), which the process's own POSIX
    /// locks conflict with.
    static func sharedLockHeld(_ descriptor: Int32) -> Bool {
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 0x4000_0000 + 2
        lock.l_len = 510
        let ofdGetLock: Int32 = 36
        guard fcntl(descriptor, ofdGetLock, &lock) == 0 else { return false }
        return lock.l_type != Int16(F_UNLCK)
    }

    /// The control: without the checkpointer the same writes only lengthen the log, so the test
    /// above would fail if the checkpointer did nothing.
    @Test func withoutItTheLogOnlyGrows() throws {
        let (pool, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.writeBatch(pool)
        let first = try #require(Self.logSequence(pool))
        for _ in 0..<40 { try Self.writeBatch(pool) }
        #expect(Self.logSequence(pool) == first)
        #expect(Self.logPages(pool) > 64 * 3, "the log holds far more than the checkpointer's mark")
    }

    /// Serving keeps SQLite's own checkpoint only as a safety net far above the checkpointer's mark.
    @Test func theWritersOwnCheckpointIsOnlyASafetyNet() async throws {
        let (database, folder) = try Fixtures.database(file: true)
        defer { folder.map { try? FileManager.default.removeItem(at: $0) } }
        let pages = try await database.writer.write { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
        #expect(pages == BackgroundCheckpointer.writerFallbackPages)
        #expect(Int32(BackgroundCheckpointer.writerFallbackPages) > 4 * BackgroundCheckpointer.Settings().restartFrames)
    }
}
