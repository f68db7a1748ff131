import Foundation
import Synchronization

/// Whether notifications reach the mail transfer agent: `/healthz` shows a failing hand-over until
/// a retry succeeds, so a broken MTA is not silent.
public final class NotificationHealth: Sendable {
    private let state = Mutex<(failing: Int, lastError: String?)>((0, nil))

    public init() {}

    /// Addresses whose last hand-over failed.
    public var failing: Int { state.withLock { $0.failing } }

    public func record(failing: Int, error: String?) {
        state.withLock { $0 = (failing, error) }
    }
}
