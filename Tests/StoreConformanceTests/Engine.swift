import CaseStore
import Casework
import Foundation
import Intake
import Members
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
}

/// The engines every conformance suite runs against: `@Test(arguments: Engine.allCases)`.
/// PostgreSQL joins here, and gets every suite for free.
enum Engine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    // case inMemory: merged from branch inmemory
    case sqlite

    var testDescription: String { rawValue }

    /// Fresh, empty stores; `today` is the engine's idea of the day for audit flushing.
    func make(today: @escaping @Sendable () -> Day = { Day(Date()) }) throws -> EngineStores {
        let signer = SigningKeyPair()
        switch self {
        case .sqlite:
            let database = try AppDatabase.inMemory()
            let store = SQLiteMemberStore(database: database, signer: signer, today: today)
            return EngineStores(
                members: store, caseFiles: store, retention: store, notifications: store, statistics: store, releases: store,
                published: store, reports: SQLiteReportStore(database: database, today: today), setup: database, signer: signer)
        }
    }
}
