import Casework
import Logging
import ServiceLifecycle
import SichtbarCore

/// Once a day (Europe/Berlin): the retention run, as `retention run` does it. Each shredding is
/// audited in its office's chain; the log gets counts only. A failed run is tried again at the
/// next check, ten minutes later.
struct DailyRetentionService: Service {
    let retention: RetentionService
    let logger: Logger
    static let checkInterval = Duration.seconds(600)

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            var lastRun: Day?
            while !Task.isCancelled {
                let today = retention.today
                if lastRun != today {
                    do {
                        let report = try await retention.run(dryRun: false)
                        lastRun = today
                        let shredded = report.shredded.values.reduce(0, +)
                        logger.info(
                            "retention run",
                            metadata: [
                                "shredded": "\(shredded)", "facets": "\(report.facetsDropped)",
                                "flagged": "\(report.flagged)", "held": "\(report.held)",
                            ])
                    } catch {
                        logger.warning("retention run failed", metadata: ["error": "\(type(of: error))"])
                    }
                }
                try await Task.sleep(for: Self.checkInterval)
            }
        }
    }
}
