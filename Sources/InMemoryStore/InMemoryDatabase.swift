import Casework
import Foundation
import Intake
import Members
import Sealing
import SichtbarCore
import Statistics
import Synchronization

/// The state every in-memory store shares, as one database would: a report taken by the
/// report store is a case the case file store lists and the retention store shreds. Each store
/// is a small value holding this database; each call is one transaction under one lock.
public final class InMemoryDatabase: Sendable {
    let signer: SigningKeyPair
    /// Today in Berlin; replaceable in tests that cross midnight.
    let today: @Sendable () -> Day
    let state = Mutex(State())

    public init(signer: SigningKeyPair, today: @escaping @Sendable () -> Day = { Day(Date()) }) {
        self.signer = signer
        self.today = today
    }

    public var memberStore: InMemoryMemberStore { InMemoryMemberStore(database: self) }
    public var caseFileStore: InMemoryCaseFileStore { InMemoryCaseFileStore(database: self) }
    public var retentionStore: InMemoryRetentionStore { InMemoryRetentionStore(database: self) }
    public var notificationStore: InMemoryNotificationStore { InMemoryNotificationStore(database: self) }
    public var statisticsStore: InMemoryStatisticsStore { InMemoryStatisticsStore(database: self) }
    public var releaseStore: InMemoryReleaseStore { InMemoryReleaseStore(database: self) }
    /// Named apart from Statistics' own `InMemoryPublishedStatisticsStore`, a stand-alone double.
    public var publishedStatisticsStore: InMemoryPublicationStore { InMemoryPublicationStore(database: self) }
    /// Named apart from Intake's own `InMemoryReportStore`, a stand-alone double.
    public var reportStore: InMemoryIntakeStore { InMemoryIntakeStore(database: self) }

    /// Reads under the lock.
    func read<Result: Sendable>(_ body: (State) throws -> Result) throws -> Result {
        try state.withLock { state in try body(state) }
    }

    /// One transaction: `body` changes a copy, which replaces the state only if it returns, so a
    /// throw rolls everything back.
    func write<Result: Sendable>(_ body: (inout State) throws -> Result) throws -> Result {
        try state.withLock { state in
            var copy = state
            let result = try body(&copy)
            state = copy
            return result
        }
    }

    /// Appends in the caller's transaction, with the server key and today's day.
    func audit(_ events: [AuditEvent], chain: EntityID, _ state: inout State) {
        state.append(events, chain: chain, signer: signer, today: today())
    }
}
