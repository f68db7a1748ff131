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
        members = SQLiteMemberStore(database: database, signer: signer, today: today)
        caseFiles = SQLiteCaseFileStore(database: database, signer: signer, today: today)
        retention = SQLiteRetentionStore(database: database, signer: signer, today: today)
        notifications = SQLiteNotificationStore(database: database, signer: signer, today: today)
        statistics = SQLiteStatisticsStore(database: database)
        releases = SQLiteReleaseStore(database: database, signer: signer, today: today)
        publications = SQLitePublishedStatisticsStore(database: database, signer: signer, today: today)
        reports = SQLiteReportStore(database: database, today: today)
    }
}
