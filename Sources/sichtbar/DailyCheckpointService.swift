import Logging
import Members
import ServiceLifecycle

/// Once an hour: moves the reporter-side events of finished days into each audit chain and keeps
/// one signed head per chain and day in `audit_checkpoint`, for leads to fetch and keep outside.
struct DailyCheckpointService: Service {
    let store: any AuditCheckpoints
    let logger: Logger

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let heads = try await store.flushAndHeads()
                    logger.debug("audit heads refreshed", metadata: ["chains": "\(heads.count)"])
                } catch {
                    logger.warning("audit checkpoint failed", metadata: ["error": "\(type(of: error))"])
                }
                try await Task.sleep(for: .seconds(3600))
            }
        }
    }
}
