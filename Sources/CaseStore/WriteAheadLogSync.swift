import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Makes committed intake batches durable off the writer: the batch commits with
/// `synchronous=NORMAL` (WAL frames written, not synced), and this flushes the write-ahead log
/// with `fdatasync` on a thread of its own before the batch's reporters are answered.
///
/// Why: with `synchronous=FULL` every commit waited for its own flush (about 4 ms on this disk)
/// while holding the only write lock, so batches queued behind each other's flushes. Flushes of one
/// file from several threads run together (the block layer merges them), so the writer commits
/// the next batch while the last one's flush is in flight. A flush covers every frame written
/// before it began, and SQLite's recovery keeps every commit whose frames are whole, so a batch is
/// durable once a flush that began after its commit returns. SQLite itself still syncs the log
/// before each checkpoint and its header when the log is reused (its `NORMAL` contract).
final class WriteAheadLogSync: Sendable {
    /// `…-wal` beside the database file.
    let path: String
    /// Threads of their own: a flush blocks for milliseconds and must not hold one of the few
    /// threads of Swift's cooperative pool, nor GRDB's writer queue. Serial queues, because a
    /// concurrent one runs on the same width-limited root queue as the cooperative pool; each
    /// serial queue gets a thread of its own, and flushes take them in turn so that several
    /// overlap.
    private let queues = (0..<4).map { DispatchQueue(label: "sichtbar.wal-sync.\($0)") }
    private let next = Atomic<UInt>(0)

    /// Flushes one file by path: `flushNow`, or a stand-in in tests.
    private let flushFile: @Sendable (String) -> Bool

    init(databasePath: String, flushFile: @escaping @Sendable (String) -> Bool = WriteAheadLogSync.flushNow) {
        path = databasePath + "-wal"
        self.flushFile = flushFile
    }

    /// Flushes the log on the sync threads and calls `done` there with whether it is on disk.
    func flush(_ done: @escaping @Sendable (Bool) -> Void) {
        let turn = Int(next.wrappingAdd(1, ordering: .relaxed).oldValue % UInt(queues.count))
        queues[turn].async { [path, flushFile] in
            done(flushFile(path))
        }
    }

    /// Opens the log by path for each flush rather than keeping a descriptor: SQLite may remove
    /// and recreate the file when the last connection closes, and a kept descriptor would then
    /// flush a file nobody writes to. `fdatasync` flushes the file's data whichever descriptor
    /// wrote it.
    static func flushNow(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return fdatasync(descriptor) == 0
    }
}
