import Foundation
import Sealing

/// Token buckets of failed logins per client address, keyed by a keyed hash of the address's
/// prefix (`AddressPrefix`) under a key that lives only in memory and is replaced every day,
/// so the buckets can be linked neither to addresses nor across days.
struct LoginAddressBuckets {
    private struct Bucket {
        var tokens: Double
        var updated: Double
    }

    let capacity: Double
    let refillPerSecond: Double
    private var day: Int
    private var key = SecureBytes(randomCount: 32)
    private var buckets: [[UInt8]: Bucket] = [:]

    init(failures: Int, window: Duration, now: Double) {
        capacity = Double(failures)
        refillPerSecond = Double(failures) / max(Double(window.components.seconds), 1)
        day = Int(now / 86_400)
    }

    /// Takes one attempt for `address` at `now` (seconds since the epoch); the bucket's key,
    /// or nil when the address has none left.
    mutating func take(_ address: String, now: Double) -> [UInt8]? {
        rotateIfNewDay(now)
        let id = KeyedHash.hash(AddressPrefix.bytes(of: address), key: key, length: 16)
        var bucket = refilled(buckets[id], now: now)
        guard bucket.tokens >= 1 else {
            buckets[id] = bucket
            return nil
        }
        bucket.tokens -= 1
        buckets[id] = bucket
        if buckets.count > 100_000 { prune(now: now) }
        return id
    }

    /// Gives an attempt back: it succeeded, or was refused before any hash ran.
    mutating func refund(_ id: [UInt8], now: Double) {
        guard let bucket = buckets[id] else { return }
        var refilled = refilled(bucket, now: now)
        refilled.tokens = min(capacity, refilled.tokens + 1)
        buckets[id] = refilled
    }

    /// How many buckets are held (for tests; no addresses).
    var count: Int { buckets.count }

    private func refilled(_ bucket: Bucket?, now: Double) -> Bucket {
        guard let bucket else { return Bucket(tokens: capacity, updated: now) }
        return Bucket(tokens: min(capacity, bucket.tokens + max(0, now - bucket.updated) * refillPerSecond), updated: now)
    }

    private mutating func rotateIfNewDay(_ now: Double) {
        let today = Int(now / 86_400)
        guard today != day else { return }
        day = today
        key = SecureBytes(randomCount: 32)
        buckets.removeAll()
    }

    /// Drops buckets that have refilled completely: they carry no information.
    private mutating func prune(now: Double) {
        buckets = buckets.filter { $0.value.tokens + (now - $0.value.updated) * refillPerSecond < capacity }
    }
}
