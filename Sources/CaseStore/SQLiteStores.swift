import Foundation
import Sealing
import SichtbarCore

/// Every SQLite store over one database, by their concrete types: for the composition root and
/// for what only this engine offers (bulk seeding, chain verification, backups).
public struct SQLiteStores: Sendable {
    public let database: AppDatabase
    public let members: SQLiteMemberStore
    public let caseFiles: SQLiteCaseFileStore
    public let retention: SQLiteRetentionStore
    public let notifications: SQLiteNotificationStore
    public let statistics: SQLiteStatisticsStore
    public let releases: SQLiteReleaseStore
    public let publications: SQLitePublishedStatisticsStore
    public let reports: SQLiteReportStore

    /// `today` is the audit log's day (tests and the demo move it).
    public init(database: AppDatabase, signer: SigningKeyPair, today: @escaping @Sendable () -> Day = { Day(Date()) }) {
        self.database = database
        let context = SQLiteContext(database: database, signer: signer, today: today)
        members = SQLiteMemberStore(context)
        caseFiles = SQLiteCaseFileStore(context)
        retention = SQLiteRetentionStore(context)
        notifications = SQLiteNotificationStore(context)
        statistics = SQLiteStatisticsStore(database: database)
        releases = SQLiteReleaseStore(context)
        publications = SQLitePublishedStatisticsStore(context)
        reports = SQLiteReportStore(database: database, today: today)
    }
}
