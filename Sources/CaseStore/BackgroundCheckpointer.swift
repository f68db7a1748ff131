import Dispatch
import GRDB
import GRDBSQLite
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Keeps the write-ahead log short without making reporters wait for it.
///
/// SQLite copies the log back into the database file in a checkpoint, and starts the log over
/// from its beginning only after a checkpoint has copied all of it. A checkpoint that copies
/// everything flushes the database file first; one overtaken by new commits copies without
/// flushing (the log still holds those pages). Under steady intake every background checkpoint
/// is overtaken, so the first checkpoint to finish the log pays the flush for all copies since
/// the last one: 30–40 ms at 3,000 reports a second on two cores. Done by the writer (SQLite's
/// automatic checkpoint), that stall held every report waiting behind it.
///
/// So the work is split:
/// - every `interval` a passive checkpoint on a connection of its own copies what the log holds
///   (never waiting for the writer or readers);
/// - once the log holds `restartFrames` frames, this thread flushes the database file itself,
///   copies and flushes again what came in meanwhile (`flushRounds` in all), and only then asks
///   the writer, between two batches, for a checkpoint of its own. That one copies the few
///   frames left, flushes them, and finishes the log, so the next commit starts it over. The
///   writer waits about 4 ms instead of 30–40.
///
/// The writer keeps SQLite's automatic checkpoint at a far higher mark, a safety net should this
/// thread fall behind. Our flushes go through SQLite's own handle of the file: closing any other
/// descriptor of the database file would drop every lock this process holds on it (POSIX
/// locks), and another process (`sichtbar backup` beside `serve`) could then delete the log
/// under the running server. SQLite still flushes the file itself before the log may be
/// overwritten, so nothing durable rests on our flushes; one that fails ends the round.
///
/// `@unchecked Sendable`: the connection is used and closed on `queue` only, opened in `init`
/// before the timer starts, and closed in `deinit` only when no round can run any more.
final class BackgroundCheckpointer: @unchecked Sendable {
    /// When to copy, when to finish the log, and how.
    struct Settings: Sendable {
        /// How often the log is copied into the database file.
        var interval = DispatchTimeInterval.milliseconds(50)
        /// From this many log pages (4 KiB each, so 32 MiB) on, the log is finished and started over.
        var restartFrames: Int32 = 8_192
        /// Copy-and-flush rounds before the writer is asked; each leaves it fewer pages. Measured
        /// at 3,000 reports a second: the writer's part took 10 ms after one round, 5 after two,
        /// 4 after three (docs/benchmark.md).
        var flushRounds = 3
        /// Runs each flush of the database file: `flush` is the real one through SQLite's handle.
        /// Tests wrap it to watch, to act in between, or to fail.
        var flushDatabase: @Sendable (_ flush: () -> Bool) -> Bool = { flush in flush() }
    }

    /// The writer's own automatic checkpoint, in log pages: only if this one falls behind. Far
    /// above `restartFrames`, so that in normal running the writer never copies the log itself.
    static let writerFallbackPages = 65_536

    private let queue = DispatchQueue(label: "sichtbar.checkpoint")
    private let writer: any DatabaseWriter
    private let settings: Settings
    /// A writer checkpoint queued and not yet run: a reader on an old snapshot can keep it from
    /// finishing the log for a while, and rounds must not pile up jobs behind the writer.
    private let writerCheckpointQueued = Atomic(false)
    private var connection: OpaquePointer?
    private var timer: (any DispatchSourceTimer)?

    /// Opens its connection to the database file of `writer`; nil for a database without a file
    /// or when SQLite cannot open it.
    init?(writer: any DatabaseWriter, settings: Settings = Settings()) {
        guard !writer.path.isEmpty, writer.path != ":memory:" else { return nil }
        var handle: OpaquePointer?
        guard sqlite3_open_v2(writer.path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let handle else {
            sqlite3_close(handle)
            return nil
        }
        self.writer = writer
        self.settings = settings
        connection = handle
        // NORMAL: every copy that has work flushes the log first; one that reaches the end of
        // the log flushes the database file after.
        sqlite3_exec(handle, "PRAGMA synchronous = NORMAL", nil, nil, nil)
        sqlite3_busy_timeout(handle, 0)
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + settings.interval, repeating: settings.interval)
        timer.setEventHandler { [weak self] in self?.tick() }
        self.timer = timer
        timer.resume()
    }

    /// One round: copy; once the log is long, flush and let the writer finish it.
    private func tick() {
        guard let logFrames = copy(), logFrames >= settings.restartFrames else { return }
        guard !writerCheckpointQueued.load(ordering: .acquiring) else { return }
        for round in 1...max(settings.flushRounds, 1) {
            if round > 1 { guard copy() != nil else { return } }
            guard settings.flushDatabase(flushDatabaseFile) else { return }
        }
        // Queued behind the batch being written (GRDB's writer runs its jobs one at a time, in
        // order), and not waited for: `stop()` waits for this round, and a database released
        // on the writer's queue must not wait for the writer. A reader on an older snapshot
        // keeps the checkpoint from finishing; a later round tries again.
        writerCheckpointQueued.store(true, ordering: .releasing)
        writer.asyncWriteWithoutTransaction { [weak self] db in
            _ = try? db.checkpoint(.passive)
            self?.writerCheckpointQueued.store(false, ordering: .releasing)
        }
    }

    /// One passive checkpoint; returns the log's length in pages, nil when another checkpoint
    /// was running (SQLITE_BUSY), the connection is closed, or the file is not in WAL mode.
    private func copy() -> Int32? {
        guard let connection else { return nil }
        var logFrames: Int32 = 0
        var copiedFrames: Int32 = 0
        let result = sqlite3_wal_checkpoint_v2(connection, "main", SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copiedFrames)
        guard result == SQLITE_OK, logFrames >= 0 else { return nil }
        return logFrames
    }

    /// Flushes the database file through this connection's own SQLite file handle (never a
    /// descriptor of our own: see above).
    private func flushDatabaseFile() -> Bool {
        guard let connection else { return false }
        var pointer: UnsafeMutableRawPointer?
        guard sqlite3_file_control(connection, "main", SQLITE_FCNTL_FILE_POINTER, &pointer) == SQLITE_OK,
            let file = pointer?.assumingMemoryBound(to: sqlite3_file.self),
            let sync = file.pointee.pMethods?.pointee.xSync
        else { return false }
        return sync(file, SQLITE_SYNC_NORMAL) == SQLITE_OK
    }

    /// One round now, on the checkpointer's queue, as the timer would run it (tests).
    func runRound() {
        queue.sync { tick() }
    }

    /// Stops the timer and closes the connection; waits for a round under way.
    func stop() {
        queue.sync {
            timer?.cancel()
            timer = nil
            sqlite3_close(connection)
            connection = nil
        }
    }

    deinit {
        timer?.cancel()
        sqlite3_close(connection)
    }
}
