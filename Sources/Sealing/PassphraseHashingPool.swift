import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Runs Argon2id work on its own threads, at most `workers` at once with a short queue, so
/// logins can neither starve intake (which runs on the cooperative pool) nor pile up without
/// bound. The worker threads run under Linux's `SCHED_IDLE` policy (or, where that is refused,
/// at nice +10): they get the processor only when intake and page requests leave it free, so
/// under load a login waits a little longer and a report does not. A login that waits longer
/// than `maximumWait` is answered 503 rather than starving for ever.
public final class PassphraseHashingPool: @unchecked Sendable {
    /// Why a job did not run.
    public enum Refusal: Error, Sendable, Equatable {
        /// The queue is full, or the job waited longer than the pool allows.
        case busy
    }

    private struct Job {
        let enqueued: ContinuousClock.Instant
        let run: () -> Void
        let refuse: () -> Void
    }

    private let condition = NSCondition()
    private var queue: [Job] = []
    private let queueLimit: Int
    private let maximumWait: Duration
    private let started = Atomic<Int>(0)

    /// How many jobs (each one Argon2id hash) have started since the pool was made: the metrics
    /// page shows it, so an operator can see what guessing costs.
    public var jobsStarted: Int { started.load(ordering: .relaxed) }

    /// Starts `workers` threads; `queueLimit` jobs may wait, each at most `maximumWait`.
    public init(workers: Int = 2, queueLimit: Int = 32, maximumWait: Duration = .seconds(10), niceness: Int32 = 10) {
        self.queueLimit = queueLimit
        self.maximumWait = maximumWait
        for index in 0..<max(workers, 1) {
            let thread = Thread { [self] in
                Self.lowerPriority(niceness: niceness)
                self.work()
            }
            thread.name = "sichtbar-argon2-\(index)"
            thread.start()
        }
    }

    /// Runs `body` on a worker thread; throws `Refusal.busy` when the queue is full or the job
    /// waited too long.
    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let job = Job(
                enqueued: .now,
                run: { continuation.resume(with: Result { try body() }) },
                refuse: { continuation.resume(throwing: Refusal.busy) })
            condition.lock()
            guard queue.count < queueLimit else {
                condition.unlock()
                job.refuse()
                return
            }
            queue.append(job)
            condition.signal()
            condition.unlock()
        }
    }

    /// On Linux scheduling policy and nice value are per thread; `0` names the calling thread.
    private static func lowerPriority(niceness: Int32) {
        #if canImport(Glibc)
            var parameters = sched_param()
            parameters.sched_priority = 0
            // SCHED_IDLE is 5 in <linux/sched.h>; Glibc declares it only under _GNU_SOURCE, so it does not import.
            let idlePolicy: Int32 = 5
            if sched_setscheduler(0, idlePolicy, &parameters) != 0 {
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
            }
        #endif
    }

    private func work() {
        while true {
            condition.lock()
            while queue.isEmpty { condition.wait() }
            let job = queue.removeFirst()
            condition.unlock()
            if ContinuousClock.now - job.enqueued > maximumWait {
                job.refuse()
            } else {
                started.add(1, ordering: .relaxed)
                job.run()
            }
        }
    }
}
