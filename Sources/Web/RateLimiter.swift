import Foundation
import Sealing
import Synchronization

/// Token buckets keyed by a keyed hash of the client address (IPv6 by its /64). The key lives
/// only in memory and is replaced every day, so the buckets cannot be linked to addresses or
/// across days. The map is bounded: buckets that have refilled carry no information and are
/// dropped on a timer (`prune()`, and at most a minute apart on use); past `maxBuckets` the
/// fullest are dropped first.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Double
    }

    private struct State {
        var day: Int
        var key: SecureBytes
        var buckets: [[UInt8]: Bucket] = [:]
        var pruned: Double
    }

    /// Requests allowed in a burst, and refilled per second.
    let capacity: Double
    let refillPerSecond: Double
    /// The most buckets kept at once.
    let maxBuckets: Int
    private let state: Mutex<State>
    private let now: @Sendable () -> Double

    /// A limiter of `count` requests per `seconds`; `count == 0` allows everything.
    init(
        count: Int, per seconds: Double, maxBuckets: Int = 100_000,
        now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
    ) {
        self.capacity = Double(count)
        self.refillPerSecond = Double(count) / seconds
        self.maxBuckets = max(maxBuckets, 1)
        self.now = now
        let time = now()
        self.state = Mutex(State(day: Int(time / 86_400), key: SecureBytes(randomCount: 32), pruned: time))
    }

    var isEnabled: Bool { capacity > 0 }

    /// Takes one token for `address`; false when its bucket is empty.
    func allow(_ address: String) -> Bool {
        guard isEnabled else { return true }
        let time = now()
        let source = Array(ClientAddress.limitKey(address).utf8)
        return state.withLock { state in
            rotate(&state, time: time)
            let key = KeyedHash.hash(source, key: state.key)
            var bucket = state.buckets[key] ?? Bucket(tokens: capacity, updated: time)
            bucket.tokens = min(capacity, bucket.tokens + (time - bucket.updated) * refillPerSecond)
            bucket.updated = time
            let allowed = bucket.tokens >= 1
            if allowed { bucket.tokens -= 1 }
            state.buckets[key] = bucket
            if time - state.pruned >= 60 { prune(&state, time: time) }
            if state.buckets.count > maxBuckets { evict(&state, time: time) }
            return allowed
        }
    }

    /// Drops every bucket that has refilled; called on a timer by the server.
    func prune() {
        guard isEnabled else { return }
        let time = now()
        state.withLock { state in
            rotate(&state, time: time)
            prune(&state, time: time)
        }
    }

    /// Buckets held now (for tests and the bound).
    var bucketCount: Int { state.withLock { $0.buckets.count } }

    private func rotate(_ state: inout State, time: Double) {
        let day = Int(time / 86_400)
        guard day != state.day else { return }
        state.day = day
        state.key = SecureBytes(randomCount: 32)
        state.buckets.removeAll()
    }

    private func prune(_ state: inout State, time: Double) {
        state.pruned = time
        state.buckets = state.buckets.filter { level($0.value, time) < capacity }
    }

    /// Past the bound: first the refilled buckets go, then the fullest, down to nine tenths, so
    /// the clients that spent the most keep their empty buckets.
    private func evict(_ state: inout State, time: Double) {
        prune(&state, time: time)
        let keep = maxBuckets - maxBuckets / 10
        guard state.buckets.count > keep else { return }
        let sorted = state.buckets.sorted { level($0.value, time) < level($1.value, time) }
        state.buckets = Dictionary(uniqueKeysWithValues: sorted.prefix(keep).map { ($0.key, $0.value) })
    }

    private func level(_ bucket: Bucket, _ time: Double) -> Double {
        bucket.tokens + (time - bucket.updated) * refillPerSecond
    }
}

/// One bucket for everybody: the global intake cap.
final class GlobalRateLimiter: Sendable {
    private let limiter: RateLimiter

    init(perSecond: Int) {
        limiter = RateLimiter(count: perSecond, per: 1)
    }

    func allow() -> Bool { limiter.allow("*") }

    func prune() { limiter.prune() }
}
