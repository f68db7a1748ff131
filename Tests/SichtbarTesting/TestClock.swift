import Foundation
import SichtbarCore

/// A clock tests move forward; `today` is its day in Berlin, for the stores' audit day.
public final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date) { current = start }

    public var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    public var today: Day { Day(now) }

    public func advance(days: Int) {
        lock.lock()
        current = current.addingTimeInterval(Double(days) * 86_400)
        lock.unlock()
    }
}
