import Synchronization

/// How many bodies with files are read at once. A form with five evidence files is up to 50 MiB
/// in memory until it is stripped and sealed; without a bound, a few hundred slow uploads would
/// hold gigabytes. A request beyond the bound is answered 503 at once, before its body is read.
final class UploadGate: Sendable {
    private let limit: Int
    private let inside = Mutex(0)

    init(limit: Int) {
        self.limit = limit
    }

    /// Runs `body` if a place is free, else returns nil without running it.
    func admit<Value>(_ body: () async throws -> Value) async rethrows -> Value? {
        let admitted = inside.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
        guard admitted else { return nil }
        defer { inside.withLock { $0 -= 1 } }
        return try await body()
    }
}
