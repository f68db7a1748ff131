import Foundation
import InMemoryStore
import Sealing
import SichtbarCore

extension Stores {
    /// Every seam over one in-memory state: for tests of services and routes, held to SQLite's
    /// behaviour by the conformance suites. Nothing survives the process.
    public static func inMemory(signer: SigningKeyPair, today: @escaping @Sendable () -> Day = { Day(Date()) }) -> Stores {
        Stores(InMemoryDatabase(signer: signer, today: today))
    }

    public init(_ database: InMemoryDatabase) {
        self.init(
            members: database.memberStore, caseFiles: database.caseFileStore, retention: database.retentionStore,
            notifications: database.notificationStore, statistics: database.statisticsStore, releases: database.releaseStore,
            publications: database.publishedStatisticsStore, reports: database.reportStore, setup: database,
            checkpoints: database.memberStore, health: database)
    }
}
