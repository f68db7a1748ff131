import Logging
import ServiceLifecycle
import Web

/// The public listener's timers: the health probe every two seconds, and once a minute the
/// pruning of rate-limit buckets and spent form tokens and the count of refused connections.
struct WebUpkeepService: Service {
    let services: WebServices
    let limiter: ConnectionLimiter

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await services.probe.run() }
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .seconds(60))
                        services.prune()
                        limiter.reportRefusals()
                    }
                }
            }
        }
    }
}
