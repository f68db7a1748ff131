import Foundation
import Logging
import PostgresStore
import ServiceLifecycle

/// PostgreSQL only: once a day, in the small hours (Europe/Berlin), the tables reports and cases
/// arrive in are rewritten in the order of their random ids (`eraseArrivalOrder`), so the heap and
/// its transaction ids keep a day's order of arrival at most, as SQLite's log does until its next
/// checkpoint. The day itself is in the rows' plaintext anyway.
struct DailyOrderRewriteService: Service {
    let database: PostgresDatabase
    let logger: Logger
    /// The hour it runs in, when reports are fewest and writers waiting matter least.
    let hour = 3

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: .seconds(Self.secondsUntil(hour: hour, after: Date())))
                do {
                    let started = ContinuousClock.now
                    let rows = try await database.eraseArrivalOrder()
                    logger.info(
                        "arrival order erased",
                        metadata: ["rows": "\(rows)", "seconds": "\((ContinuousClock.now - started).components.seconds)"])
                } catch {
                    logger.warning("arrival order rewrite failed", metadata: ["error": "\(type(of: error))"])
                }
            }
        }
    }

    /// Seconds from `now` to the next `hour`:00 in Europe/Berlin (at least one minute).
    static func secondsUntil(hour: Int, after now: Date) -> Double {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin") ?? .current
        let next = calendar.nextDate(after: now, matching: DateComponents(hour: hour, minute: 0), matchingPolicy: .nextTime)
        return max(60, next?.timeIntervalSince(now) ?? 86_400)
    }
}
