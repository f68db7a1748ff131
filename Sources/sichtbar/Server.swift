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

/// Wires the SQLite store into the web application and runs it with the metrics listener in a
/// service group that shuts down gracefully on SIGTERM and SIGINT.
enum Server {
    static func run(
        database: AppDatabase, secrets: ServerSecrets, resources: ResourceOptions, options: ServerOptions,
        onStarted: @escaping @Sendable (String) async -> Void = { _ in }
    ) async throws {
        ProcessHardening.disableCoreDumps()
        var logger = Logger(label: "sichtbar")
        logger.logLevel = Logger.Level(rawValue: options.logLevel) ?? .info
        let connections = try connectionSettings(options, logger: logger)

        let taxonomy: Taxonomy
        let pages: PageRenderer
        let access: AccessPolicy
        let workflow: WorkflowPolicy
        let letters: LetterRenderer
        let statisticsPolicy: StatisticsPolicy
        let passphrases: PassphrasePolicy
        let retention: RetentionPolicy
        do {
            taxonomy = try Taxonomy.load(from: try resources.policiesURL().appendingPathComponent("taxonomy.yaml"))
            access = try AccessPolicy.load(from: try resources.policiesURL().appendingPathComponent("access.yaml"))
            passphrases = try PassphrasePolicy.load(from: try resources.policiesURL().appendingPathComponent(PassphrasePolicy.fileName))
            retention = try RetentionPolicy.load(from: try resources.policiesURL().appendingPathComponent(RetentionPolicy.fileName))
            workflow = try WorkflowPolicy.load(from: try resources.policiesURL().appendingPathComponent("workflow.yaml"))
            try workflow.check(against: taxonomy, file: try resources.policiesURL().appendingPathComponent("workflow.yaml").path)
            pages = try await PageRenderer.load(templates: try resources.templatesURL())
            letters = try LetterRenderer.load(directory: try resources.templatesURL().appendingPathComponent("letters"))
            statisticsPolicy = try StatisticsSetup.policy(policies: try resources.policiesURL(), taxonomy: taxonomy, workflow: workflow)
        } catch let error as PolicyError {
            throw CLIError.badInput("policy refused: \(error)")
        } catch let error as CatalogueError {
            throw CLIError.badInput("templates refused: \(error)")
        }
        let store = SQLiteReportStore(database: database)
        let settings = WebSettings(
            trustedProxy: options.trustedProxy, intakePerAddressPerHour: options.intakePerAddress,
            intakeGlobalPerSecond: options.intakeGlobal,
            mailboxPerAddressPerMinute: options.mailboxPerAddress)
        let memberStore = SQLiteMemberStore(database: database, signer: secrets.signing)
        let members = try MemberService(
            store: memberStore, policy: access, rotationGrace: MemberContext.rotationGrace,
            passphrases: passphrases)
        let retentionService = RetentionService(store: memberStore, policy: retention)
        let notificationHealth = NotificationHealth()
        let transport = SendmailTransport.resolve(options.sendmail)
        guard let sender = EmailAddress(options.notifyFrom) else { throw CLIError.badInput("--notify-from: not an e-mail address") }
        guard options.notifyInterval >= 1 else { throw CLIError.badInput("--notify-interval takes at least 1 second") }
        let casework = CaseworkService(members: members, store: memberStore, policy: workflow, taxonomy: taxonomy, letters: letters)
        let services = WebServices(
            reporter: ReporterService(store: store, taxonomy: taxonomy, lookupKey: secrets.lookupKey, deadlines: casework.deadlines),
            taxonomy: taxonomy, health: database, pages: pages, settings: settings, members: members, casework: casework,
            statistics: StatisticsSetup.services(
                store: memberStore, signer: secrets.signing, policy: statisticsPolicy, taxonomy: taxonomy, workflow: workflow),
            retention: retention, retentionDesk: retentionService, notificationSettings: NotificationSettings(store: memberStore),
            notificationHealth: notificationHealth)

        let url = "http://\(options.host):\(options.port)"
        let limiter = ConnectionLimiter(settings: connections, logger: logger)
        let app = Application(
            router: buildRouter(services),
            server: limiter.server,
            configuration: limiter.configuration(host: options.host, port: options.port),
            onServerRunning: { _ in await onStarted(url) },
            logger: logger
        )
        var backgroundServices: [any Service] = [
            app, DailyCheckpointService(store: memberStore, logger: logger),
            DailyRetentionService(retention: retentionService, logger: logger),
            WebUpkeepService(services: services, limiter: limiter),
        ]
        if let transport {
            backgroundServices.append(
                NotificationService(
                    store: memberStore, transport: transport, interval: TimeInterval(options.notifyInterval),
                    sender: sender, link: options.publicURL.map { $0.hasSuffix("/") ? $0 + "login" : $0 + "/login" },
                    health: notificationHealth, logger: logger))
        } else {
            logger.notice("no sendmail: counsellors are not told by e-mail that something waits (--sendmail PATH)")
        }
        if options.metricsPort > 0 {
            let metrics = Application(
                router: buildMetricsRouter(ProcessMetrics(health: services.probe, members: members)),
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
