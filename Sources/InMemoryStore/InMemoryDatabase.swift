import Casework
import Foundation
import Intake
import Members
import Sealing
import SichtbarCore
import Statistics
import Synchronization

/// The state every in-memory store shares, as one database would: a report taken by the
/// report store is a case the case file store lists and the retention store shreds.
public final class InMemoryDatabase: Sendable {
    let signer: SigningKeyPair
    /// Today in Berlin; replaceable in tests that cross midnight.
    let today: @Sendable () -> Day

    public init(signer: SigningKeyPair, today: @escaping @Sendable () -> Day = { Day(Date()) }) {
        self.signer = signer
        self.today = today
    }
}
