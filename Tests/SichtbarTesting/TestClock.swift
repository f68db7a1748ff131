import Foundation
import SichtbarCore
import Testing

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

    /// Moves to 10:00 UTC of `iso` (noon or eleven in Berlin), a whole number of days ahead.
    public func move(to iso: String) throws {
        let target = try #require(ISO8601DateFormatter().date(from: "\(iso)T10:00:00Z"))
        advance(days: Int((target.timeIntervalSince(now) / 86_400).rounded()))
        #expect(Day(now).iso == iso)
    }
}
