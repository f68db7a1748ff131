import Foundation
import Sealing
import SichtbarCore

/// Every live session, by the hash of its bearer token. Sessions end on logout, after the idle
/// timeout and the absolute lifetime of the access policy, and with the process: nothing about
/// them is stored.
public actor SessionRegistry {
    struct Entry {
        let session: Session
        let created: ContinuousClock.Instant
        var lastSeen: ContinuousClock.Instant
    }

    private var entries: [[UInt8]: Entry] = [:]
    private let policy: AccessPolicy
    private var lastSweep = ContinuousClock.now

    public init(policy: AccessPolicy) {
        self.policy = policy
    }

    /// Registers a session; returns its bearer token (shown once, kept only as a hash).
    public func open(_ session: Session) -> String {
        let token = Sodium.randomBytes(32)
        entries[KeyedHash.digest(token)] = Entry(session: session, created: .now, lastSeen: .now)
        return Base64URL.encode(token)
    }

    /// The live session behind a token, refreshing its idle timer; nil when unknown or expired.
    public func session(token: String) -> Session? {
        sweepIfDue()
        guard let bytes = Base64URL.decode(token), bytes.count == 32 else { return nil }
        let key = KeyedHash.digest(bytes)
        guard var entry = entries[key] else { return nil }
        let now = ContinuousClock.now
        guard now - entry.lastSeen < policy.idleTimeout, now - entry.created < policy.absoluteLifetime else {
            entries[key] = nil
            return nil
        }
        entry.lastSeen = now
        entries[key] = entry
        return entry.session
    }

    /// Ends one session (logout).
    @discardableResult
    public func close(token: String) -> Session? {
        guard let bytes = Base64URL.decode(token), bytes.count == 32 else { return nil }
        return entries.removeValue(forKey: KeyedHash.digest(bytes))?.session
    }

    /// Ends every session of a member (removal, role change), or all but `kept` (the session
    /// that changed the passphrase).
    public func closeAll(memberID: EntityID, except kept: Session? = nil) {
        entries = entries.filter { $0.value.session.memberID != memberID || $0.value.session === kept }
    }

    /// How many sessions are live (for tests and the metrics page; no names).
    public func count() -> Int { entries.count }

    private func sweepIfDue() {
        let now = ContinuousClock.now
        guard now - lastSweep > .seconds(60) else { return }
        lastSweep = now
        entries = entries.filter { now - $0.value.lastSeen < policy.idleTimeout && now - $0.value.created < policy.absoluteLifetime }
    }
}
