import Foundation
import Sealing
import SichtbarCore

/// Bounds the Argon2id work that guessing can buy, never locking anyone out.
///
/// - Per username, one attempt at a time: a second one waits for the first, then for its delay.
/// - An attempt counts as a failure from the moment it is admitted, before its hash runs; a
///   success clears the count. After a failure the next attempt for that username waits until
///   `baseDelay · 2^(failures-1)` (at most `maximumDelay`) has passed since it. An attempt that
///   finds the way still blocked after waiting once is refused (`AccessError.throttled`).
/// - Per client address, a bucket of failed attempts (`addressFailures` per `addressWindow`).
///
/// Usernames and address prefixes are kept only as keyed hashes under keys that live in memory.
public actor LoginThrottle {
    private struct Failures {
        var count: Int
        var last: ContinuousClock.Instant
    }

    private var failures: [[UInt8]: Failures] = [:]
    private var inFlight: Set<[UInt8]> = []
    private var waiting: [[UInt8]: [CheckedContinuation<Void, Never>]] = [:]
    private var addresses: LoginAddressBuckets
    private let key = SecureBytes(randomCount: 32)
    private let policy: AccessPolicy
    /// The clock of delays and forgetting; replaceable in tests.
    private let now: @Sendable () -> ContinuousClock.Instant
    private let wallClock: @Sendable () -> Double
    /// Attempts refused without a hash, since start (for the metrics page; no names).
    public private(set) var refusals = 0

    /// At most this many attempts wait for one username; more are refused at once.
    static let waitingLimit = 16

    public init(
        policy: AccessPolicy, now: @escaping @Sendable () -> ContinuousClock.Instant = { .now },
        wallClock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
    ) {
        self.policy = policy
        self.now = now
        self.wallClock = wallClock
        addresses = LoginAddressBuckets(failures: policy.addressFailures, window: policy.addressWindow, now: wallClock())
    }

    /// How long an attempt for `username` that came now would wait for the last failure's delay.
    public func delay(for username: String) -> Duration {
        let id = slot(username)
        guard let due = dueTime(id) else { return .zero }
        let wait = due - now()
        return wait > .zero ? wait : .zero
    }

    /// Failures counted for `username` and not yet forgotten (for tests; never shown).
    func failureCount(for username: String) -> Int {
        let id = slot(username)
        return dueTime(id) == nil ? 0 : failures[id]?.count ?? 0
    }

    /// Admits one attempt for `username` from `address` (nil: the command line), waiting as the
    /// rules above say; counts it as a failure before returning. Every admitted attempt must be
    /// finished with `finish(_:succeeded:)`.
    public func begin(_ username: String, address: String? = nil) async throws -> LoginAttempt {
        var bucket: [UInt8]?
        if let address {
            guard let taken = addresses.take(address, now: wallClock()) else { try refuse(nil) }
            bucket = taken
        }
        let id = slot(username)
        var waitedForOther = false
        var waitedForDelay = false
        while true {
            if inFlight.contains(id) {
                guard !waitedForOther, waiting[id, default: []].count < Self.waitingLimit else { try refuse(bucket) }
                waitedForOther = true
                await withCheckedContinuation { waiting[id, default: []].append($0) }
                continue
            }
            if let due = dueTime(id), due > now() {
                guard !waitedForDelay else { try refuse(bucket) }
                waitedForDelay = true
                try? await Task.sleep(for: due - now())
                continue
            }
            break
        }
        inFlight.insert(id)
        failures[id] = Failures(count: (failures[id]?.count ?? 0) + 1, last: now())
        if failures.count > 100_000 { forgetOldFailures() }
        return LoginAttempt(slot: id, addressBucket: bucket)
    }

    /// Ends an admitted attempt: success clears the username's failures and gives the address
    /// its attempt back; a failure restarts the username's delay from now.
    public func finish(_ attempt: LoginAttempt, succeeded: Bool) {
        inFlight.remove(attempt.slot)
        if succeeded {
            failures[attempt.slot] = nil
            if let bucket = attempt.addressBucket { addresses.refund(bucket, now: wallClock()) }
        } else if var entry = failures[attempt.slot] {
            entry.last = now()
            failures[attempt.slot] = entry
        }
        for waiter in waiting.removeValue(forKey: attempt.slot) ?? [] {
            waiter.resume()
        }
    }

    /// When the next attempt for `id` may start; nil when it need not wait.
    private func dueTime(_ id: [UInt8]) -> ContinuousClock.Instant? {
        guard let entry = failures[id] else { return nil }
        if now() - entry.last > policy.forgetFailuresAfter {
            failures[id] = nil
            return nil
        }
        let doublings = min(max(entry.count - 1, 0), 20)
        return entry.last + min(policy.baseDelay * (1 << doublings), policy.maximumDelay)
    }

    private func refuse(_ bucket: [UInt8]?) throws -> Never {
        // No hash ran: the address keeps its attempt.
        if let bucket { addresses.refund(bucket, now: wallClock()) }
        refusals += 1
        throw AccessError.throttled
    }

    private func forgetOldFailures() {
        let time = now()
        failures = failures.filter { time - $0.value.last <= policy.forgetFailuresAfter || inFlight.contains($0.key) }
    }

    private func slot(_ username: String) -> [UInt8] {
        KeyedHash.hash(Array(username.lowercased().utf8), key: key, length: 16)
    }
}
