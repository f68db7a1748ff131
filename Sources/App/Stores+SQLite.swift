import CaseStore
import Foundation
import Sealing
import SichtbarCore

extension Stores {
    /// The default engine: every seam over one SQLite database. `today` is the audit log's day
    /// (the demo plays two years on its own clock).
    public static func sqlite(
        _ database: AppDatabase, signer: SigningKeyPair, today: @escaping @Sendable () -> Day = { Day(Date()) }
    ) -> Stores {
        Stores(SQLiteStores(database: database, signer: signer, today: today))
    }

    public init(_ sqlite: SQLiteStores) {
        self.init(
            members: sqlite.members, caseFiles: sqlite.caseFiles, retention: sqlite.retention, notifications: sqlite.notifications,
            statistics: sqlite.statistics, releases: sqlite.releases, publications: sqlite.publications, reports: sqlite.reports,
            setup: sqlite.database, checkpoints: sqlite.members, health: sqlite.database)
    }
}
