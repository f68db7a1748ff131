import Synchronization

/// Group commit for intake, for every engine: one drain takes every report that arrived while
/// the previous batch was being written, hands them to the engine's `commit` as one batch, and
/// answers each only once the batch is durable. A failed batch fails every report in it (the
/// routes answer 503). The engine decides what "durable" takes: its commit alone, or a flush
/// that runs after it (SQLite's log), while the next batch is already being written.
///
/// No reporter waits longer than `answerWithin`, when one is given. A commit that cannot finish (PostgreSQL waiting
/// for a synchronous standby that is down, a disk that stopped answering) would otherwise hold
/// every reporter's request open for good. Past the limit a report still queued is dropped, and
/// one in a batch being committed is answered 503 too, although that batch may still commit:
/// then a report exists whose receipt was never shown, as after a failed flush. The reporter
/// is told to send again.
public final class GroupCommit: Sendable {
    /// Makes a committed batch durable off the drain, calling `done` with whether it is.
    public typealias Flush = @Sendable (_ done: @escaping @Sendable (Bool) -> Void) -> Void
    /// Writes one batch in one transaction; returns the flush still to run, or nil when the
    /// commit itself was durable.
    public typealias Commit = @Sendable ([SealedIntake]) async throws -> Flush?

    private struct Queued {
        let intake: SealedIntake
        let answer: GroupCommitAnswer
        let since: ContinuousClock.Instant
    }

    private struct State {
        var pending: [Queued] = []
        var draining = false
        var watching = false
        var lastBatchSize = 0
        /// Batches handed to the engine and not yet durable, by number.
        var inFlight: [UInt64: (answers: [GroupCommitAnswer], since: ContinuousClock.Instant)] = [:]
        var nextBatch: UInt64 = 0
    }

    private let maxBatch: Int
    private let answerWithin: Duration?
    private let commit: Commit
    private let state = Mutex(State())

    /// `answerWithin` nil: reporters wait as long as the engine takes (SQLite, whose commit and
    /// flush either finish or fail).
    public init(maxBatch: Int = 64, answerWithin: Duration? = nil, commit: @escaping Commit) {
        self.maxBatch = maxBatch
        self.answerWithin = answerWithin
        self.commit = commit
    }

    /// Returns once `intake` is committed and durable; throws `StoreError.unavailable` when the
    /// batch failed or did not become durable within `answerWithin`.
    public func submit(_ intake: SealedIntake) async throws {
        try await withCheckedThrowingContinuation { (waiter: CheckedContinuation<Void, any Error>) in
            let (startDrain, startWatch) = state.withLock { state -> (Bool, Bool) in
                state.pending.append(Queued(intake: intake, answer: GroupCommitAnswer(waiter), since: .now))
                let drain = !state.draining
                let watch = !state.watching && answerWithin != nil
                state.draining = true
                if watch { state.watching = true }
                return (drain, watch)
            }
            if startDrain { Task { await self.drain() } }
            if startWatch { Task { await self.watch() } }
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
            let (number, batch): (UInt64, [Queued]) = state.withLock { state in
                let batch = Array(state.pending.prefix(maxBatch))
                state.pending.removeFirst(batch.count)
                if batch.isEmpty { state.draining = false }
                state.lastBatchSize = batch.count
                state.nextBatch += 1
                if !batch.isEmpty { state.inFlight[state.nextBatch] = (batch.map(\.answer), .now) }
                return (state.nextBatch, batch)
            }
            if batch.isEmpty { return }
            let flush: Flush?
            do {
                flush = try await commit(batch.map(\.intake))
            } catch {
                finish(number, .failure(StoreError.unavailable("the report batch could not be committed")))
                continue
            }
            guard let flush else {
                finish(number, .success(()))
                continue
            }
            flush { durable in
                self.finish(
                    number, durable ? .success(()) : .failure(StoreError.unavailable("the report batch could not be flushed to disk")))
            }
        }
    }

    /// Answers every reporter of batch `number` that the time limit has not answered already.
    private func finish(_ number: UInt64, _ result: Result<Void, any Error>) {
        let answers = state.withLock { $0.inFlight.removeValue(forKey: number)?.answers ?? [] }
        for answer in answers { answer.resume(result) }
    }

    /// Twice a second while reports wait: answers 503 to every one waiting past the limit.
    private func watch() async {
        guard let answerWithin else { return }
        let tick = min(Duration.milliseconds(500), answerWithin / 2)
        while true {
            try? await Task.sleep(for: tick)
            let now = ContinuousClock.now
            let (late, idle) = state.withLock { state -> ([GroupCommitAnswer], Bool) in
                var late: [GroupCommitAnswer] = []
                state.pending.removeAll { queued in
                    guard now - queued.since > answerWithin else { return false }
                    late.append(queued.answer)
                    return true
                }
                for (number, batch) in state.inFlight where now - batch.since > answerWithin {
                    late += batch.answers
                    state.inFlight[number] = nil
                }
                let idle = state.pending.isEmpty && state.inFlight.isEmpty
                if idle { state.watching = false }
                return (late, idle)
            }
            let failure = StoreError.unavailable("the report could not be stored in time")
            for answer in late { answer.resume(.failure(failure)) }
            if idle { return }
        }
    }
}
