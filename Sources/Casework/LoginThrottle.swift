import Foundation
import Sealing

/// Slows repeated failed logins per username, never locking anyone out and never looking at a
/// client address. Usernames are kept only as keyed hashes under a key that lives in memory.
public actor LoginThrottle {
    private var failures: [[UInt8]: (count: Int, last: ContinuousClock.Instant)] = [:]
    private let key = SecureBytes(randomCount: 32)
    private let policy: AccessPolicy

    public init(policy: AccessPolicy) {
        self.policy = policy
    }

    /// How long the next attempt for `username` waits.
    public func delay(for username: String) -> Duration {
        let id = slot(username)
        guard let entry = failures[id] else { return .zero }
        if ContinuousClock.now - entry.last > policy.forgetFailuresAfter {
            failures[id] = nil
            return .zero
        }
        let doublings = min(entry.count - 1, 20)
        return min(policy.baseDelay * (1 << doublings), policy.maximumDelay)
    }

    public func failed(_ username: String) {
        let id = slot(username)
        failures[id] = ((failures[id]?.count ?? 0) + 1, .now)
        if failures.count > 100_000 {
            let now = ContinuousClock.now
            failures = failures.filter { now - $0.value.last <= policy.forgetFailuresAfter }
        }
    }

    public func succeeded(_ username: String) {
        failures[slot(username)] = nil
    }

    private func slot(_ username: String) -> [UInt8] {
        KeyedHash.hash(Array(username.lowercased().utf8), key: key, length: 16)
    }
}
