import Foundation
import Sealing
import SichtbarCore

/// What every PostgreSQL store shares: one database, and the signing key and day every audit
/// append needs. Each store protocol has its own type; all of them write into the same tables and chains.
public struct PostgresContext: Sendable {
    public let database: PostgresDatabase
    let signer: SigningKeyPair
    /// Today in Berlin; replaceable in tests (and the demo) that cross midnight.
    let today: @Sendable () -> Day

    public init(database: PostgresDatabase, signer: SigningKeyPair, today: @escaping @Sendable () -> Day = { Day(Date()) }) {
        self.database = database
        self.signer = signer
        self.today = today
    }
}
