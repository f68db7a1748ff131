import App
import CaseStore
import Casework
import Foundation
import Hummingbird
import Intake
import Logging
import Members
import ServiceLifecycle
import SichtbarCore
import Statistics
import Web
import Workflow

/// Wires the opened store into the web application (through `AppServices`) and runs it with the metrics listener in a
/// service group that shuts down gracefully on SIGTERM and SIGINT.
enum Server {
    static func run(
        _ opened: CommandStore, resources: ResourceOptions, options: ServerOptions,
        onStarted: @escaping @Sendable (String) async -> Void = { _ in }
    ) async throws {
        ProcessHardening.disableCoreDumps()
        var logger = Logger(label: "sichtbar")
        logger.logLevel = Logger.Level(rawValue: options.logLevel) ?? .info
        let connections = try connectionSettings(options, logger: logger)

        let policies: PolicySet
        let services: AppServices
        do {
            policies = try PolicySet.load(from: try resources.policiesURL())
            services = try await AppServices.make(
                store: opened.stores(), policies: policies, templates: try resources.templatesURL(),
                secrets: opened.secrets.app, rotationGrace: MemberContext.rotationGrace)
        } catch let error as PolicyError {
            throw CLIError.badInput("policy refused: \(error)")
        } catch let error as CatalogueError {
            throw CLIError.badInput("templates refused: \(error)")
        }
        let settings = WebSettings(
            trustedProxy: options.trustedProxy, intakePerAddressPerHour: options.intakePerAddress,
            intakeGlobalPerSecond: options.intakeGlobal,
            mailboxPerAddressPerMinute: options.mailboxPerAddress)
        let web = services.web(settings: settings)
        let transport = SendmailTransport.resolve(options.sendmail)
        guard let sender = EmailAddress(options.notifyFrom) else { throw CLIError.badInput("--notify-from: not an e-mail address") }
        guard options.notifyInterval >= 1 else { throw CLIError.badInput("--notify-interval takes at least 1 second") }

        let url = "http://\(options.host):\(options.port)"
        let limiter = ConnectionLimiter(settings: connections, logger: logger)
        let app = Application(
            router: buildRouter(web),
            server: limiter.server,
            configuration: limiter.configuration(host: options.host, port: options.port),
            onServerRunning: { _ in await onStarted(url) },
            logger: logger
        )
        var backgroundServices: [any Service] = [app, WebUpkeepService(services: web, limiter: limiter)]
        // The daily jobs and the notification mails run in one process of a deployment: a second
        // `serve` on the same database (--no-background-jobs) would mail every counsellor twice.
        if options.backgroundJobs {
            backgroundServices += [
                DailyCheckpointService(store: services.stores.checkpoints, logger: logger),
                DailyRetentionService(retention: services.retention, logger: logger),
            ]
            if case .postgres(let database) = opened.engine {
                backgroundServices.append(DailyOrderRewriteService(database: database, logger: logger))
            }
        } else {
            logger.notice("no background jobs here: another process runs the audit flush, retention and notifications")
        }
        if let transport, options.backgroundJobs {
            backgroundServices.append(
                NotificationService(
                    store: services.stores.notifications, transport: transport, interval: TimeInterval(options.notifyInterval),
                    sender: sender, link: options.publicURL.map { $0.hasSuffix("/") ? $0 + "login" : $0 + "/login" },
                    health: services.notificationHealth, logger: logger))
        } else if options.backgroundJobs {
            logger.notice("no sendmail: counsellors are not told by e-mail that something waits (--sendmail PATH)")
        }
        if options.metricsPort > 0 {
            let metrics = Application(
                router: buildMetricsRouter(ProcessMetrics(health: web.probe, members: services.members)),
                configuration: .init(address: .hostname(options.host, port: options.metricsPort), serverName: nil),
                logger: logger
            )
            backgroundServices.append(metrics)
        }
        let group = ServiceGroup(
            configuration: .init(
                services: backgroundServices.map { .init(service: $0) },
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        )
        try await group.run()
    }

    /// The connection limits from the flags. The open-files limit is raised to its hard limit,
    /// and the total cap kept 256 below it (the store, the metrics listener, a connection being
    /// refused), so the process never runs out of descriptors.
    static func connectionSettings(_ options: ServerOptions, logger: Logger) throws -> ConnectionSettings {
        guard options.headerTimeout > 0, options.idleTimeout > 0 else {
            throw CLIError.badInput("--header-timeout and --idle-timeout must be more than 0 seconds")
        }
        guard options.connectionsPerAddress >= 0, options.maxConnections > 0 else {
            throw CLIError.badInput("--connections-per-address must be 0 or more and --max-connections more than 0")
        }
        var maximum = options.maxConnections
        if let files = ProcessHardening.raiseOpenFilesLimit(), files - 256 < maximum {
            maximum = max(files - 256, 16)
            logger.notice("connection cap lowered below the open-files limit", metadata: ["cap": "\(maximum)", "limit": "\(files)"])
        }
        return ConnectionSettings(
            headerTimeout: options.headerTimeout, idleTimeout: options.idleTimeout,
            perAddress: options.connectionsPerAddress, maximum: maximum, trustedProxy: options.trustedProxy)
    }
}
