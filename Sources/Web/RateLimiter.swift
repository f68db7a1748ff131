import Foundation
import Sealing
import Synchronization

/// Token buckets keyed by a keyed hash of the client address. The key lives only in memory and
/// is replaced every day, so the buckets cannot be linked to addresses or across days.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Double
    }

    private struct State {
        var day: Int
        var key: SecureBytes
        var buckets: [[UInt8]: Bucket] = [:]
    }

    /// Requests allowed in a burst, and refilled per second.
    let capacity: Double
    let refillPerSecond: Double
    private let state: Mutex<State>
    private let now: @Sendable () -> Double

    /// A limiter of `count` requests per `seconds`; `count == 0` allows everything.
    init(count: Int, per seconds: Double, now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) {
        self.capacity = Double(count)
        self.refillPerSecond = Double(count) / seconds
        self.now = now
        self.state = Mutex(State(day: Int(now() / 86_400), key: SecureBytes(randomCount: 32)))
    }

    var isEnabled: Bool { capacity > 0 }

    /// Takes one token for `address`; false when its bucket is empty.
    func allow(_ address: String) -> Bool {
        guard isEnabled else { return true }
        let time = now()
        return state.withLock { state in
            let day = Int(time / 86_400)
            if day != state.day {
                state.day = day
                state.key = SecureBytes(randomCount: 32)
                state.buckets.removeAll()
            }
            let key = KeyedHash.hash(Array(address.utf8), key: state.key)
            var bucket = state.buckets[key] ?? Bucket(tokens: capacity, updated: time)
            bucket.tokens = min(capacity, bucket.tokens + (time - bucket.updated) * refillPerSecond)
            bucket.updated = time
            let allowed = bucket.tokens >= 1
            if allowed { bucket.tokens -= 1 }
            state.buckets[key] = bucket
            if state.buckets.count > 100_000 { Self.prune(&state.buckets, capacity: capacity, refill: refillPerSecond, time: time) }
            return allowed
        }
    }

    /// Drops buckets that have refilled completely: they carry no information.
    private static func prune(_ buckets: inout [[UInt8]: Bucket], capacity: Double, refill: Double, time: Double) {
        buckets = buckets.filter { $0.value.tokens + (time - $0.value.updated) * refill < capacity }
    }
}

/// One bucket for everybody: the global intake cap.
final class GlobalRateLimiter: Sendable {
    private let limiter: RateLimiter

    init(perSecond: Int) {
        limiter = RateLimiter(count: perSecond, per: 1)
    }

    func allow() -> Bool { limiter.allow("*") }
}
