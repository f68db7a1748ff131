import Foundation
import GRDB
import Sealing
import SichtbarCore

/// What every SQLite store shares: one database, and the signing key and day every audit append
/// needs. Each store protocol has its own type; all of them write into the same file and chains.
public struct SQLiteContext: Sendable {
    public let database: AppDatabase
    let signer: SigningKeyPair
    /// Today in Berlin; replaceable in tests (and the demo) that cross midnight.
    let today: @Sendable () -> Day

    public init(database: AppDatabase, signer: SigningKeyPair, today: @escaping @Sendable () -> Day = { Day(Date()) }) {
        self.database = database
        self.signer = signer
        self.today = today
    }
}

/// A store over the shared `SQLiteContext`.
public protocol SQLiteStore: Sendable {
    var context: SQLiteContext { get }
    init(_ context: SQLiteContext)
}

extension SQLiteStore {
    public init(database: AppDatabase, signer: SigningKeyPair, today: @escaping @Sendable () -> Day = { Day(Date()) }) {
        self.init(SQLiteContext(database: database, signer: signer, today: today))
    }

    public var database: AppDatabase { context.database }
    var signer: SigningKeyPair { context.signer }
    var today: @Sendable () -> Day { context.today }
    var writer: any DatabaseWriter { context.database.writer }

    /// Appends in the caller's transaction: every change goes through here, so a change and
    /// its audit event commit together or not at all.
    func audit(_ event: AuditEvent, chain: EntityID, _ db: Database) throws {
        try AuditLog.append([event], chain: chain, signer: signer, today: today(), db)
    }

    func audit(_ events: [AuditEvent], chain: EntityID, _ db: Database) throws {
        try AuditLog.append(events, chain: chain, signer: signer, today: today(), db)
    }
}
