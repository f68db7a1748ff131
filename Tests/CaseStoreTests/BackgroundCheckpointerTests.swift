import Foundation
import GRDB
import GRDBSQLite
import Synchronization
import Testing

@testable import CaseStore

/// The background checkpointer finishes the write-ahead log while writes go on, flushing the
/// database file itself before it asks the writer, and loses nothing.
@Suite struct BackgroundCheckpointerTests {
    /// Paths the stand-in flush was asked for, in order.
    final class FlushLog: Sendable {
        let paths = Mutex<[String]>([])
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

    @Test func theLogStartsOverWhileWritesGoOnAndNothingIsLost() throws {
        let (pool, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = FlushLog()
        let settings = BackgroundCheckpointer.Settings(
            interval: .milliseconds(5), restartFrames: 64, flushRounds: 2,
            flushFile: { path in
                log.paths.withLock { $0.append(path) }
                return WriteAheadLogSync.flushNow(path)
            })
        let checkpointer = try #require(BackgroundCheckpointer(writer: pool, settings: settings))
        defer { checkpointer.stop() }
        try Self.writeBatch(pool)
        let first = try #require(Self.logSequence(pool))
        var batches = 1
        let deadline = Date().addingTimeInterval(30)
        while Self.logSequence(pool) == first, Date() < deadline {
            try Self.writeBatch(pool)
            batches += 1
        }
        #expect(Self.logSequence(pool) != first, "the log was started over within 30 s of writes")
        let flushed = log.paths.withLock { $0 }
        #expect(flushed.count >= 2, "two flush rounds before the writer was asked")
        #expect(flushed.allSatisfy { $0 == pool.path }, "the database file is flushed, not the log")
        let rows = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM item") }
        #expect(rows == batches * 20)
        let check = try pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
        #expect(check == "ok")
    }

    /// A reader on an older snapshot (a member's page being read) keeps the checkpointer's own
    /// copies from reaching the end of the log, as steady intake does. The reader ends during
    /// the last flush: the writer's checkpoint then finishes the log, and the next write starts
    /// it over.
    @Test func theWriterFinishesTheLogTheCopiesCouldNot() throws {
        let (pool, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        for _ in 0..<10 { try Self.writeBatch(pool) }
        var reader: OpaquePointer?
        #expect(sqlite3_open_v2(pool.path, &reader, SQLITE_OPEN_READONLY, nil) == SQLITE_OK)
        #expect(sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM item;", nil, nil, nil) == SQLITE_OK)
        let openReader = Mutex<OpaquePointer?>(reader)
        try Self.writeBatch(pool)
        let log = FlushLog()
        let settings = BackgroundCheckpointer.Settings(
            interval: .seconds(3600), restartFrames: 64, flushRounds: 2,
            flushFile: { path in
                let count = log.paths.withLock {
                    $0.append(path)
                    return $0.count
                }
                if count == 2 {
                    openReader.withLock { handle in
                        sqlite3_exec(handle, "COMMIT", nil, nil, nil)
                        sqlite3_close(handle)
                        handle = nil
                    }
                }
                return WriteAheadLogSync.flushNow(path)
            })
        let checkpointer = try #require(BackgroundCheckpointer(writer: pool, settings: settings))
        defer { checkpointer.stop() }
        let first = try #require(Self.logSequence(pool))
        checkpointer.runRound()
        #expect(log.paths.withLock { $0 } == [pool.path, pool.path], "the database file, flushed in two rounds")
        try Self.writeBatch(pool)
        #expect(Self.logSequence(pool) != first, "the log started over at the next write")
        let rows = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM item") }
        #expect(rows == 12 * 20)
    }

    /// Below the mark the checkpointer only copies: no flush, no writer checkpoint.
    @Test func aShortLogIsOnlyCopied() throws {
        let (pool, folder) = try Self.database()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = FlushLog()
        let settings = BackgroundCheckpointer.Settings(
            interval: .seconds(3600), restartFrames: 100_000, flushRounds: 2,
            flushFile: { path in
                log.paths.withLock { $0.append(path) }
                return true
            })
        let checkpointer = try #require(BackgroundCheckpointer(writer: pool, settings: settings))
        defer { checkpointer.stop() }
        for _ in 0..<10 { try Self.writeBatch(pool) }
        checkpointer.runRound()
        #expect(log.paths.withLock { $0.isEmpty })
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
