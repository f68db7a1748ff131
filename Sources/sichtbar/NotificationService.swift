import Casework
import Foundation
import Logging
import ServiceLifecycle
import SichtbarCore

/// Tells counsellors that something waits, by a mail without content, at most once per interval
/// and address. Looks every minute (or every interval, if shorter); a failed hand-over is tried
/// again at the next look and shown on `/healthz` until it succeeds.
struct NotificationService: Service {
    let store: any NotificationStore
    let transport: SendmailTransport
    let interval: TimeInterval
    let sender: EmailAddress
    let link: String?
    let health: NotificationHealth
    let logger: Logger

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            var planner = NotificationPlanner(interval: interval)
            let tick = Duration.seconds(max(1, min(60, Int(interval))))
            while !Task.isCancelled {
                await pass(&planner)
                try await Task.sleep(for: tick)
            }
        }
    }

    /// One look: who is due a mail, and the hand-overs.
    func pass(_ planner: inout NotificationPlanner) async {
        let now = Date()
        do {
            let items = try await store.waitingItems(tomorrow: Day(now).adding(days: 1))
            let recipients = try await store.notificationRecipients()
            var failing = 0
            var lastError: String?
            for (address, keys) in planner.due(items, recipients: recipients, now: now) {
                if let error = await transport.send(NotificationMail.message(to: address, from: sender, at: now, link: link), to: address) {
                    failing += 1
                    lastError = error
                } else {
                    planner.delivered(to: address, items: keys, at: now)
                }
            }
            health.record(failing: failing)
            if let lastError {
                // Never the address: the log says that and why, monitoring sees it on /healthz.
                logger.warning(
                    "notification hand-over failed, retried in a minute", metadata: ["failing": "\(failing)", "error": "\(lastError)"])
            }
        } catch {
            logger.warning("notification check failed", metadata: ["error": "\(type(of: error))"])
        }
    }
}
