import Foundation
import SichtbarCore

extension InMemoryDatabase: StoreHealth {
    /// Memory is always writable.
    public func isWritable() async -> Bool { true }

    /// Rotations that failed or have run for more than an hour, as the SQLite engine counts them.
    public func stalledKeyRotations() async -> Int {
        let cutoff = Int64(Date().timeIntervalSince1970 - 3600)
        return (try? read { state in state.rotations.values.count { $0.failure != nil || $0.startedAt < cutoff } }) ?? 0
    }
}
