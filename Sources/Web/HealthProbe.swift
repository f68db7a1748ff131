import Casework
import Foundation
import SichtbarCore
import Synchronization

/// What `/healthz` answers, decided by a background probe rather than by each call: a call
/// writes nothing to the store, however often it comes, and a flood of calls cannot queue
/// behind the writer. The probe runs every `interval`; an answer older than `staleAfter`
/// (the probe hangs on a stuck store) counts as unhealthy.
public final class HealthProbe: StoreHealth {
    private struct State {
        var writable = false
        var checked: ContinuousClock.Instant?
        var running = false
        var stalledRotations = 0
    }

    public let interval: Duration
    public let staleAfter: Duration
    private let store: any StoreHealth
    private let state = Mutex(State())

    public init(store: any StoreHealth, interval: Duration = .seconds(2), staleAfter: Duration = .seconds(15)) {
        self.store = store
        self.interval = interval
        self.staleAfter = staleAfter
    }

    /// The last probe's answer. When it is older than the interval and no probe is running (no
    /// background loop, as in tests), this call runs one itself: still at most one store write
    /// per interval, however many calls come. A probe that hangs is not waited for: its last
    /// answer turns unhealthy once older than `staleAfter`.
    public func isWritable() async -> Bool {
        let due = state.withLock { state -> Bool in
            guard let checked = state.checked else { return true }
            return !state.running && ContinuousClock.now - checked >= interval
        }
        if due { await refresh() }
        return state.withLock { state in
            guard let checked = state.checked else { return false }
            return state.writable && ContinuousClock.now - checked <= staleAfter
        }
    }

    /// Runs the store's probe once, unless one is running already or the last one is younger
    /// than the interval.
    public func refresh() async {
        let start = state.withLock { state -> Bool in
            if state.running { return false }
            if let checked = state.checked, ContinuousClock.now - checked < interval { return false }
            state.running = true
            return true
        }
        guard start else { return }
        let writable = await store.isWritable()
        let stalled = await store.stalledKeyRotations()
        state.withLock { state in
            state.writable = writable
            state.stalledRotations = stalled
            state.checked = .now
            state.running = false
        }
    }

    /// Offices whose key rotation is stalled, as the last probe counted them (a read, never a write).
    public func stalledKeyRotations() async -> Int {
        state.withLock { $0.stalledRotations }
    }

    /// Probes every `interval` until the task is cancelled (the server's shutdown).
    public func run() async {
        while !Task.isCancelled {
            await refresh()
            try? await Task.sleep(for: interval)
        }
    }
}
