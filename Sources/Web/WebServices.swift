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
    /// Members, sessions and the audit trail; nil in the reporter-only test application.
    public let members: MemberService?
    /// Casework; nil where no workflow is loaded (reporter-only and member-only test applications).
    public let casework: CaseworkService?
    /// Releases and published statistics; nil where no statistics policy is loaded.
    public let statistics: StatisticsServices?
    /// The retention run's schedule, for the leads' page of what goes next; nil where none is wired.
    public let retentionDesk: RetentionService?
    /// Members' own notification addresses (the account page); nil where none is wired.
    public let notificationSettings: NotificationSettings?
    /// Whether notification mails reach the MTA; `/healthz` shows a failing hand-over.
    public let notificationHealth: NotificationHealth?
    /// What `/healthz` answers: the last background probe of `health`.
    public let probe: HealthProbe
    let tokens = FormTokens()
    let intakePerAddress: RateLimiter
    let intakeGlobal: GlobalRateLimiter
    let mailboxPerAddress: RateLimiter
    /// Bodies with files read at once (the report form, the mailbox's file form and API).
    let uploads = UploadGate(limit: 4)

    public init(
        reporter: ReporterService, taxonomy: Taxonomy, health: any StoreHealth, pages: PageRenderer,
        settings: WebSettings, members: MemberService? = nil, casework: CaseworkService? = nil,
        statistics: StatisticsServices? = nil, probe: HealthProbe? = nil, retention: RetentionPolicy = RetentionPolicy(),
        retentionDesk: RetentionService? = nil, notificationSettings: NotificationSettings? = nil,
        notificationHealth: NotificationHealth? = nil
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
