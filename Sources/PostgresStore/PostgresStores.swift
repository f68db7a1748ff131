import Foundation
import Sealing
import SichtbarCore

/// Every PostgreSQL store over one database, by their concrete types: for the composition root
/// and for what only this engine offers (chain verification).
public struct PostgresStores: Sendable {
    public let database: PostgresDatabase
    public let members: PostgresMemberStore
    public let caseFiles: PostgresCaseFileStore
    public let retention: PostgresRetentionStore
    public let notifications: PostgresNotificationStore
    public let statistics: PostgresStatisticsStore
    public let releases: PostgresReleaseStore
    public let publications: PostgresPublishedStatisticsStore
    public let reports: PostgresReportStore

    /// `today` is the audit log's day (tests and the demo move it).
    public init(database: PostgresDatabase, signer: SigningKeyPair, today: @escaping @Sendable () -> Day = { Day(Date()) }) {
        self.database = database
        let context = PostgresContext(database: database, signer: signer, today: today)
        members = PostgresMemberStore(context)
        caseFiles = PostgresCaseFileStore(context)
        retention = PostgresRetentionStore(context)
        notifications = PostgresNotificationStore(context)
        statistics = PostgresStatisticsStore(database: database)
        releases = PostgresReleaseStore(context)
        publications = PostgresPublishedStatisticsStore(context)
        reports = PostgresReportStore(database: database, today: today)
    }
}
