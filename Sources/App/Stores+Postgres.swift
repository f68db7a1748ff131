import Foundation
import PostgresStore
import Sealing
import SichtbarCore

extension Stores {
    /// Every seam over one PostgreSQL database (the engine for more than one machine).
    public static func postgres(
        _ database: PostgresDatabase, signer: SigningKeyPair, today: @escaping @Sendable () -> Day = { Day(Date()) }
    ) -> Stores {
        Stores(PostgresStores(database: database, signer: signer, today: today))
    }

    public init(_ postgres: PostgresStores) {
        self.init(
            members: postgres.members, caseFiles: postgres.caseFiles, retention: postgres.retention,
            notifications: postgres.notifications, statistics: postgres.statistics, releases: postgres.releases,
            publications: postgres.publications, reports: postgres.reports, setup: postgres.database, checkpoints: postgres.members,
            health: postgres.database)
    }
}
