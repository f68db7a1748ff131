import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs Argon2id work on its own threads, at most `workers` at once with a short queue, so
/// logins can neither starve intake (which runs on the cooperative pool) nor pile up without
/// bound. The worker threads run at a lower scheduling priority: under load a login waits a
/// little longer, a report does not.
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

    /// Starts `workers` threads; `queueLimit` jobs may wait, each at most `maximumWait`.
    public init(workers: Int = 2, queueLimit: Int = 32, maximumWait: Duration = .seconds(10), niceness: Int32 = 10) {
        self.queueLimit = queueLimit
        self.maximumWait = maximumWait
        for index in 0..<max(workers, 1) {
            let thread = Thread { [self] in
                #if canImport(Glibc)
                // On Linux the nice value is per thread; `who = 0` is the calling thread.
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
                #endif
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

    private func work() {
        while true {
            condition.lock()
            while queue.isEmpty { condition.wait() }
            let job = queue.removeFirst()
            condition.unlock()
            if ContinuousClock.now - job.enqueued > maximumWait {
                job.refuse()
            } else {
                job.run()
            }
        }
    }
}
