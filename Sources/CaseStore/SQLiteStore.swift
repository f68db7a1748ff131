import Foundation
import GRDB
import Sealing
import SichtbarCore

/// What the SQLite stores share: one database, and the signing key and day every audit append
/// needs. Each store protocol has its own type; all of them write into the same file and chains.
protocol SQLiteStore: Sendable {
    var database: AppDatabase { get }
    var signer: SigningKeyPair { get }
    /// Today in Berlin; replaceable in tests that cross midnight.
    var today: @Sendable () -> Day { get }
}

extension SQLiteStore {
    var writer: any DatabaseWriter { database.writer }

    /// Appends in the caller's transaction: every change goes through here, so a change and
    /// its audit event commit together or not at all.
    func audit(_ event: AuditEvent, chain: EntityID, _ db: Database) throws {
        try AuditLog.append([event], chain: chain, signer: signer, today: today(), db)
    }

    func audit(_ events: [AuditEvent], chain: EntityID, _ db: Database) throws {
        try AuditLog.append(events, chain: chain, signer: signer, today: today(), db)
    }
}
