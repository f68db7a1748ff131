import Foundation
import Synchronization

/// The clock the demo's services read while it plays two years of casework: moved forward
/// action by action, so every timeline entry, audit event and deadline lies where it would have
/// if counsellors had worked those cases day by day.
final class DemoClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date) { current = Mutex(start) }

    var now: Date { current.withLock { $0 } }

    /// Moves the clock; never backwards, so the audit chain stays in time order.
    func set(_ date: Date) {
        current.withLock { $0 = max($0, date) }
    }
}
