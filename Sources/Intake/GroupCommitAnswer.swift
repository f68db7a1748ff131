import Synchronization

/// One reporter's wait: resumed once, by the batch or by the time limit, whichever comes first.
final class GroupCommitAnswer: Sendable {
    private let waiter: Mutex<CheckedContinuation<Void, any Error>?>

    init(_ waiter: CheckedContinuation<Void, any Error>) { self.waiter = Mutex(waiter) }

    func resume(_ result: Result<Void, any Error>) {
        let waiting = waiter.withLock { waiter -> CheckedContinuation<Void, any Error>? in
            defer { waiter = nil }
            return waiter
        }
        waiting?.resume(with: result)
    }
}
