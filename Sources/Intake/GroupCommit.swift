import Synchronization

/// Group commit for intake, for every engine: one drain takes every report that arrived while
/// the previous batch was being written, hands them to the engine's `commit` as one batch, and
/// answers each only once the batch is durable. A failed batch fails every report in it (the
/// routes answer 503). The engine decides what "durable" takes: its commit alone, or a flush
/// that runs after it (SQLite's log), while the next batch is already being written.
public final class GroupCommit: Sendable {
    /// Makes a committed batch durable off the drain, calling `done` with whether it is.
    public typealias Flush = @Sendable (_ done: @escaping @Sendable (Bool) -> Void) -> Void
    /// Writes one batch in one transaction; returns the flush still to run, or nil when the
    /// commit itself was durable.
    public typealias Commit = @Sendable ([SealedIntake]) async throws -> Flush?

    typealias Waiter = CheckedContinuation<Void, any Error>

    private struct State {
        var pending: [(SealedIntake, Waiter)] = []
        var draining = false
        var lastBatchSize = 0
    }

    private let maxBatch: Int
    private let commit: Commit
    private let state = Mutex(State())

    public init(maxBatch: Int = 64, commit: @escaping Commit) {
        self.maxBatch = maxBatch
        self.commit = commit
    }

    /// Returns once `intake` is committed and durable.
    public func submit(_ intake: SealedIntake) async throws {
        try await withCheckedThrowingContinuation { (waiter: Waiter) in
            let startDrain = state.withLock { state -> Bool in
                state.pending.append((intake, waiter))
                if state.draining { return false }
                state.draining = true
                return true
            }
            if startDrain {
                Task { await self.drain() }
            }
        }
    }

    /// How long a batch waits for more reports while reports arrive concurrently: every commit
    /// rewrites what its reports share (the month's count, index pages of the day) and costs a
    /// flush, so a slightly fuller batch is cheaper per report. A lone reporter never waits.
    static let linger = Duration.microseconds(1500)

    private func drain() async {
        while true {
            let concurrent = state.withLock { $0.lastBatchSize > 1 && $0.pending.count < maxBatch }
            if concurrent { try? await Task.sleep(for: Self.linger) }
            let batch: [(SealedIntake, Waiter)] = state.withLock { state in
                let batch = Array(state.pending.prefix(maxBatch))
                state.pending.removeFirst(batch.count)
                if batch.isEmpty { state.draining = false }
                state.lastBatchSize = batch.count
                return batch
            }
            if batch.isEmpty { return }
            let waiters = batch.map(\.1)
            let flush: Flush?
            do {
                flush = try await commit(batch.map(\.0))
            } catch {
                let failure = StoreError.unavailable("the report batch could not be committed")
                for waiter in waiters { waiter.resume(throwing: failure) }
                continue
            }
            guard let flush else {
                for waiter in waiters { waiter.resume() }
                continue
            }
            flush { durable in
                let failure = StoreError.unavailable("the report batch could not be flushed to disk")
                for waiter in waiters {
                    if durable { waiter.resume() } else { waiter.resume(throwing: failure) }
                }
            }
        }
    }
}
