import Foundation
import Synchronization

/// Whether notifications reach the mail transfer agent: `/healthz` shows a failing hand-over until
/// a retry succeeds, so a broken MTA is not silent.
public final class NotificationHealth: Sendable {
    private let state = Mutex<Int>(0)

    public init() {}

    /// Addresses whose last hand-over failed.
    public var failing: Int { state.withLock { $0 } }

    public func record(failing: Int) {
        state.withLock { $0 = failing }
    }
}
