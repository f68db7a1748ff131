import Foundation

/// A clock the in-memory engine's scenarios move forward a day at a time.
final class InMemoryScenarioClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_780_000_000)

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func advance(days: Int) {
        lock.lock()
        current = current.addingTimeInterval(Double(days) * 86_400)
        lock.unlock()
    }
}
