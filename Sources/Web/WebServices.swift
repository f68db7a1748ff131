import Casework
import Intake
import Members
import SichtbarCore

/// Everything the routes need, built once at start-up.
public struct WebServices: Sendable {
    public let reporter: ReporterService
    public let taxonomy: Taxonomy
    public let health: any StoreHealth
    public let pages: PageRenderer
    public let settings: WebSettings
    /// The periods the privacy notice states.
    public let retention: RetentionPolicy
    /// Members, sessions and the audit trail.
    public let members: MemberService
    public let casework: CaseworkService
    /// Releases and published statistics.
    public let statistics: StatisticsServices
    /// The retention run's schedule, for the leads' page of what goes next.
    public let retentionDesk: RetentionService
    /// Members' own notification addresses (the account page).
    public let notificationSettings: NotificationSettings
    /// Whether notification mails reach the MTA; `/healthz` shows a failing hand-over.
    public let notificationHealth: NotificationHealth
    /// What `/healthz` answers: the last background probe of `health`.
    public let probe: HealthProbe
    let tokens = FormTokens()
    let intakePerAddress: RateLimiter
    let intakeGlobal: GlobalRateLimiter
    let mailboxPerAddress: RateLimiter
    /// Bodies with files read at once (the report form, the mailbox's file form and API).
    let uploads = UploadGate(limit: 4)

    /// Every service the routes use; `AppServices.web(settings:)` builds this from one engine.
    public init(
        reporter: ReporterService, taxonomy: Taxonomy, health: any StoreHealth, pages: PageRenderer, settings: WebSettings,
        members: MemberService, casework: CaseworkService, statistics: StatisticsServices, retention: RetentionPolicy,
        retentionDesk: RetentionService, notificationSettings: NotificationSettings, notificationHealth: NotificationHealth,
        probe: HealthProbe? = nil
    ) {
        self.retention = retention
        self.notificationSettings = notificationSettings
        self.notificationHealth = notificationHealth
        self.retentionDesk = retentionDesk
        self.members = members
        self.statistics = statistics
        self.casework = casework
        self.reporter = reporter
        self.taxonomy = taxonomy
        self.health = health
        self.probe = probe ?? HealthProbe(store: health)
        self.pages = pages
        self.settings = settings
        self.intakePerAddress = RateLimiter(count: settings.intakePerAddressPerHour, per: 3600)
        self.intakeGlobal = GlobalRateLimiter(perSecond: settings.intakeGlobalPerSecond)
        self.mailboxPerAddress = RateLimiter(count: settings.mailboxPerAddressPerMinute, per: 60)
    }

    /// The same services with another statistics side, store health or probe (fresh rate limits
    /// and form tokens): for tests that swap one part.
    public func replacing(
        reporter: ReporterService? = nil, statistics: StatisticsServices? = nil, health: (any StoreHealth)? = nil,
        probe: HealthProbe? = nil
    ) -> WebServices {
        let health = health ?? self.health
        return WebServices(
            reporter: reporter ?? self.reporter, taxonomy: taxonomy, health: health, pages: pages, settings: settings,
            members: members, casework: casework, statistics: statistics ?? self.statistics, retention: retention,
            retentionDesk: retentionDesk, notificationSettings: notificationSettings, notificationHealth: notificationHealth,
            probe: probe ?? HealthProbe(store: health))
    }

    /// Drops refilled rate-limit buckets and the spent form tokens of expired hours; the server
    /// calls it on a timer, so nothing about a visit stays in memory longer than it must.
    public func prune() {
        intakePerAddress.prune()
        intakeGlobal.prune()
        mailboxPerAddress.prune()
        tokens.prune()
    }

    /// Both intake caps; the global one is checked only when the address is within its own.
    func allowIntake(from address: String) -> Bool {
        intakePerAddress.allow(address) && intakeGlobal.allow()
    }
}
