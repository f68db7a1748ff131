import Casework
import Foundation
import Intake
import Members
import Sealing
import SichtbarCore
import Statistics
import Web

/// The one composition root: every service wired over one engine's stores. `serve`, `demo`, the
/// benchmark and the tests all build their services here, so none of them wires differently.
public struct AppServices: Sendable {
    public let stores: Stores
    public let policies: PolicySet
    public let members: MemberService
    public let casework: CaseworkService
    public let reporter: ReporterService
    public let statistics: StatisticsServices
    public let publisher: VerbandPublisher
    public let retention: RetentionService
    public let notificationSettings: NotificationSettings
    public let notificationHealth: NotificationHealth
    public let pages: PageRenderer

    /// - Parameters:
    ///   - templates: the `Templates/` folder (pages, notices, letters).
    ///   - secrets: the server's signing key (audit heads, releases) and the receipt lookup key.
    ///   - clock: now, for the services; the stores keep their own day (see `Stores.sqlite`).
    public static func make(
        store: Stores, policies: PolicySet, templates: URL, secrets: AppSecrets,
        clock: @escaping @Sendable () -> Date = { Date() }, rotationGrace: Duration = .seconds(10)
    ) async throws -> AppServices {
        let members = try Self.memberService(
            store: store, access: policies.access, passphrases: policies.passphrases, rotationGrace: rotationGrace)
        let letters = try LetterRenderer.load(directory: templates.appendingPathComponent("letters"))
        let casework = CaseworkService(
            members: members, store: store.caseFiles, policy: policies.workflow, taxonomy: policies.taxonomy, letters: letters,
            now: clock)
        let reporter = ReporterService(
            store: store.reports, taxonomy: policies.taxonomy, lookupKey: secrets.lookupKey, deadlines: casework.deadlines,
            today: { Day(clock()) })
        let publisher = Self.publisher(
            store: store, policies: policies, signer: secrets.signer, trusted: secrets.trustedReleaseKeys, clock: clock)
        let statistics = StatisticsServices(
            releases: Self.releases(store: store, policies: policies, signer: secrets.signer, clock: clock),
            published: store.publications, publisherKey: secrets.signer.publicKey, publisher: publisher)
        return AppServices(
            stores: store, policies: policies, members: members, casework: casework, reporter: reporter, statistics: statistics,
            publisher: publisher, retention: RetentionService(store: store.retention, policy: policies.retention, now: clock),
            notificationSettings: NotificationSettings(store: store.notifications), notificationHealth: NotificationHealth(),
            pages: try await PageRenderer.load(templates: templates))
    }

    /// What the routes need, with the visitor-facing settings of this server.
    public func web(settings: WebSettings) -> WebServices {
        WebServices(
            reporter: reporter, taxonomy: policies.taxonomy, health: stores.health, pages: pages, settings: settings,
            members: members, casework: casework, statistics: statistics, retention: policies.retention,
            retentionDesk: retention, notificationSettings: notificationSettings, notificationHealth: notificationHealth)
    }
}
