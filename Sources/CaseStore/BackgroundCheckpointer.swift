import Dispatch
import GRDBSQLite

/// Copies the write-ahead log back into the database file from a connection of its own, so the
/// writer never does: SQLite's automatic checkpoint ran inside whichever commit crossed 1,000 log
/// pages, held the only write lock for thousands of page copies and two flushes, and made every
/// report in the next batches wait. Run every `interval`, a passive checkpoint copies what it can
/// without blocking the writer or readers (pages written several times in the log are copied
/// once), and SQLite restarts the log from its beginning at the next write once all of it is
/// copied. The writer keeps an automatic checkpoint at a far higher mark, a safety net should this
/// fall behind.
///
/// `@unchecked Sendable`: the connection is opened, used and closed on `queue` only.
final class BackgroundCheckpointer: @unchecked Sendable {
    /// The writer's own automatic checkpoint, in log pages (4 KiB each): only if this one stalls.
    static let writerFallbackPages = 16_384
    static let interval = DispatchTimeInterval.milliseconds(200)

    private let queue = DispatchQueue(label: "sichtbar.checkpoint")
    private var connection: OpaquePointer?
    private var timer: (any DispatchSourceTimer)?

    /// Opens its connection to the database file at `path`; nil when SQLite cannot open it.
    init?(path: String) {
        var handle: OpaquePointer?
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, let handle else {
            sqlite3_close(handle)
            return nil
        }
        connection = handle
        // NORMAL: the log is flushed before it is copied and the database file after.
        sqlite3_exec(handle, "PRAGMA synchronous = NORMAL", nil, nil, nil)
        sqlite3_busy_timeout(handle, 0)
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + Self.interval, repeating: Self.interval)
        timer.setEventHandler { [weak self] in self?.checkpoint() }
        self.timer = timer
        timer.resume()
    }

    /// One passive checkpoint; SQLITE_BUSY (another checkpoint running) just waits for the next tick.
    private func checkpoint() {
        guard let connection else { return }
        var logFrames: Int32 = 0
        var copiedFrames: Int32 = 0
        _ = sqlite3_wal_checkpoint_v2(connection, "main", SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copiedFrames)
    }

    /// Stops the timer and closes the connection; waits for a checkpoint under way.
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
