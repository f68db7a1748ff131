import App
import CaseStore
import Casework
import Foundation
import Intake
import Members
import PostgresStore
import PostgresTesting
import Sealing
import SichtbarCore
import Statistics
import Testing

/// Every store seam of one engine, over one shared state, and what set-up writes.
struct EngineStores: Sendable {
    let members: any MemberStore
    let caseFiles: any CaseFileStore
    let retention: any RetentionStore
    let notifications: any NotificationStore
    let statistics: any StatisticsStore
    let releases: any ReleaseStore
    let published: any PublishedStatisticsStore
    let reports: any ReportStore
    let setup: any StoreSetup
    let signer: SigningKeyPair

    init(_ stores: Stores, signer: SigningKeyPair) {
        members = stores.members
        caseFiles = stores.caseFiles
        retention = stores.retention
        notifications = stores.notifications
        statistics = stores.statistics
        releases = stores.releases
        published = stores.publications
        reports = stores.reports
        setup = stores.setup
        self.signer = signer
    }
}

/// The engines every conformance suite runs against: `@Test(arguments: Engine.allCases)`.
/// PostgreSQL is among them when a test server is configured (`SICHTBAR_TEST_POSTGRES`) or
/// required (`SICHTBAR_REQUIRE_POSTGRES=1`, as `make test` and CI set it: then a missing or
/// unreachable server fails every PostgreSQL case rather than leaving them out).
enum Engine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case inMemory
    case sqlite
    case postgres

    static var allCases: [Engine] { PostgresTestServer.isInPlay ? [.inMemory, .sqlite, .postgres] : [.inMemory, .sqlite] }

    var testDescription: String { rawValue }

    /// Fresh, empty stores, as the composition root builds them; `today` is the engine's day
    /// for audit flushing. PostgreSQL's are in a schema of their own on the test server.
    func make(signer: SigningKeyPair = SigningKeyPair(), today: @escaping @Sendable () -> Day = { Day(Date()) }) async throws
        -> EngineStores
    {
        switch self {
        case .inMemory:
            return EngineStores(.inMemory(signer: signer, today: today), signer: signer)
        case .sqlite:
            return EngineStores(.sqlite(try AppDatabase.inMemory(), signer: signer, today: today), signer: signer)
        case .postgres:
            return EngineStores(.postgres(try await PostgresScratch.open(), signer: signer, today: today), signer: signer)
        }
    }
}
