import Foundation
import GRDB
import Intake
import SichtbarCore
import Synchronization
import Testing

@testable import CaseStore

/// The pipelined flush of group commit: a reporter is answered only after the batch is
/// committed and the write-ahead log is flushed, a failed flush answers 503, and the writer is
/// back on `synchronous=FULL` for every other write.
@Suite struct IntakeBatcherTests {
    /// What the stand-in flush saw: the file it was asked to flush, and how many cases were
    /// committed (read over a connection of its own) when it ran.
    final class FlushLog: Sendable {
        let calls = Mutex<[(path: String, committedCases: Int)]>([])
    }

    static func sealedIntake(_ database: AppDatabase) async throws -> SealedIntake {
        let offices = try await Fixtures.withOffices(database)
        let (service, _) = try Fixtures.service(database)
        let report = try service.validator.validate(Fixtures.report("flushed"), offices: [offices[0].0], today: Day(Date()))
        return try service.seal(report, on: Day(Date())).0
    }

    @Test func aReportIsAnsweredAfterItsCommitIsFlushed() async throws {
        let (database, folder) = try Fixtures.database(file: true)
        defer { folder.map { try? FileManager.default.removeItem(at: $0) } }
        let intake = try await Self.sealedIntake(database)
        let log = FlushLog()
        let path = database.writer.path
        let batcher = IntakeBatcher(writer: database.writer) { walPath in
            let committed =
                (try? DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM case_file") }) ?? -1
            log.calls.withLock { $0.append((walPath, committed ?? -1)) }
            return WriteAheadLogSync.flushNow(walPath)
        }
        try await batcher.submit(intake)
        let calls = log.calls.withLock { $0 }
        #expect(calls.count == 1, "one flush for the one batch, before the answer")
        #expect(calls.first?.path == path + "-wal")
        #expect(calls.first?.committedCases == 1, "the batch was committed before its flush")
        let synchronous = try await database.writer.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(synchronous == 2, "the writer is back on FULL")
    }

    @Test func aFailedFlushAnswersUnavailable() async throws {
        let (database, folder) = try Fixtures.database(file: true)
        defer { folder.map { try? FileManager.default.removeItem(at: $0) } }
        let intake = try await Self.sealedIntake(database)
        let batcher = IntakeBatcher(writer: database.writer) { _ in false }
        await #expect(throws: StoreError.unavailable("the report batch could not be flushed to disk")) {
            try await batcher.submit(intake)
        }
        let synchronous = try await database.writer.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(synchronous == 2, "the writer is back on FULL")
    }

    @Test func theRealFlushFindsTheLogOfAnOpenDatabase() throws {
        let (database, folder) = try Fixtures.database(file: true)
        defer { folder.map { try? FileManager.default.removeItem(at: $0) } }
        #expect(WriteAheadLogSync.flushNow(database.writer.path + "-wal"))
        #expect(WriteAheadLogSync.flushNow(database.writer.path + "-no-such-file") == false)
    }

    /// A writer set below `FULL` (the demo playing its casework) asked for no flush and gets none.
    @Test func aWriterSetToNormalKeepsItAndIsNotFlushed() async throws {
        let (database, folder) = try Fixtures.database(file: true)
        defer { folder.map { try? FileManager.default.removeItem(at: $0) } }
        let intake = try await Self.sealedIntake(database)
        try await database.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        let log = FlushLog()
        let batcher = IntakeBatcher(writer: database.writer) { path in
            log.calls.withLock { $0.append((path, 0)) }
            return true
        }
        try await batcher.submit(intake)
        #expect(log.calls.withLock { $0.isEmpty })
        let synchronous = try await database.writer.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(synchronous == 1, "the writer keeps NORMAL")
    }

    /// In memory there is no log: the commit answers, and no flush is asked for.
    @Test func inMemoryNeedsNoFlush() async throws {
        let database = try AppDatabase.inMemory()
        let intake = try await Self.sealedIntake(database)
        let log = FlushLog()
        let batcher = IntakeBatcher(writer: database.writer) { path in
            log.calls.withLock { $0.append((path, 0)) }
            return false
        }
        try await batcher.submit(intake)
        #expect(log.calls.withLock { $0.isEmpty })
    }
}
