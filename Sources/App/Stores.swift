import Casework
import Intake
import Members
import SichtbarCore
import Statistics

/// Every store seam of one engine, over one shared state. The services take these protocols,
/// never an engine: `Stores.sqlite` for the server, `Stores.inMemory` for tests, and the next
/// engine beside them.
public struct Stores: Sendable {
    public let members: any MemberStore
    public let caseFiles: any CaseFileStore
    public let retention: any RetentionStore
    public let notifications: any NotificationStore
    public let statistics: any StatisticsStore
    public let releases: any ReleaseStore
    public let publications: any PublishedStatisticsStore
    public let reports: any ReportStore
    /// What set-up writes outside the services: offices, first members, the fallback mark.
    public let setup: any StoreSetup
    /// The daily audit job: reporter events of finished days into the chains, signed heads kept.
    public let checkpoints: any AuditCheckpoints
    public let health: any StoreHealth

    public init(
        members: any MemberStore, caseFiles: any CaseFileStore, retention: any RetentionStore,
        notifications: any NotificationStore, statistics: any StatisticsStore, releases: any ReleaseStore,
        publications: any PublishedStatisticsStore, reports: any ReportStore, setup: any StoreSetup,
        checkpoints: any AuditCheckpoints, health: any StoreHealth
    ) {
        self.members = members
        self.caseFiles = caseFiles
        self.retention = retention
        self.notifications = notifications
        self.statistics = statistics
        self.releases = releases
        self.publications = publications
        self.reports = reports
        self.setup = setup
        self.checkpoints = checkpoints
        self.health = health
    }
}

extension Stores {
    /// The same stores with the report seam or the health check swapped: for tests that put a
    /// double with fault injection in front of intake, or a store that reports itself unwritable.
    public func replacing(reports: (any ReportStore)? = nil, health: (any StoreHealth)? = nil) -> Stores {
        Stores(
            members: members, caseFiles: caseFiles, retention: retention, notifications: notifications, statistics: statistics,
            releases: releases, publications: publications, reports: reports ?? self.reports, setup: setup,
            checkpoints: checkpoints, health: health ?? self.health)
    }
}
