import Casework
import Foundation
import GRDB
import Intake
import SichtbarCore

/// SQLite's side of intake's group commit (`GroupCommit`): one transaction per batch.
///
/// On a database file in WAL mode the flush is pipelined (`WriteAheadLogSync`): the writer
/// commits the next batch while the last one's log flush is in flight.
final class IntakeBatcher: Sendable {
    /// One office's month, for counting a batch's unclassified reports with one upsert each.
    struct MonthKey: Hashable {
        let office: EntityID
        let month: String
    }

    private let queue: GroupCommit

    /// `flushFile` stands in for `fdatasync` of the log in tests.
    init(writer: any DatabaseWriter, maxBatch: Int = 64, flushFile: (@Sendable (String) -> Bool)? = nil) {
        let walFile = writer is DatabasePool && !writer.path.isEmpty && writer.path != ":memory:"
        // Nil for a database without a write-ahead log file (in memory, in tests): its commit is all there is.
        let logSync = walFile ? WriteAheadLogSync(databasePath: writer.path, flushFile: flushFile ?? WriteAheadLogSync.flushNow) : nil
        queue = GroupCommit(maxBatch: maxBatch) { intakes in
            let flush = try await Self.commit(intakes, writer: writer, fileLog: logSync != nil)
            guard flush, let logSync else { return nil }
            return logSync.flush
        }
    }

    /// Returns once `intake` is committed and its log flushed.
    func submit(_ intake: SealedIntake) async throws {
        try await queue.submit(intake)
    }

    /// Writes one batch in one transaction, and tells whether its log still needs a flush. On a
    /// writer set to `FULL` (serving) the commit itself does not sync (`synchronous=NORMAL` for
    /// this transaction only, back on `FULL` before anything else writes), and the batch is
    /// flushed afterwards. A writer set lower (the demo playing its casework) keeps its setting
    /// and gets no flush: it asked for none.
    private static func commit(_ intakes: [SealedIntake], writer: any DatabaseWriter, fileLog: Bool) async throws -> Bool {
        try await writer.writeWithoutTransaction { db in
            let full = try fileLog && (Int.fetchOne(db, sql: "PRAGMA synchronous") ?? 2) >= 2
            if full { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            var failure: (any Error)?
            do {
                try db.inTransaction {
                    try Self.insert(batch: intakes, db)
                    return .commit
                }
            } catch {
                failure = error
            }
            if full { try db.execute(sql: "PRAGMA synchronous = FULL") }
            if let failure { throw failure }
            return full
        }
    }

    private static func insert(batch intakes: [SealedIntake], _ db: Database) throws {
        try checkKeyVersions(intakes, db)
        var months: [MonthKey: Int] = [:]
        for intake in intakes {
            try insert(intake, db)
            months[MonthKey(office: intake.officeID, month: intake.receivedOn.monthKey), default: 0] += 1
        }
        for (key, count) in months {
            try db.cachedStatement(
                sql: """
                    INSERT INTO intake_month (office_id, month, unclassified) VALUES (?, ?, ?)
                    ON CONFLICT (office_id, month) DO UPDATE SET unclassified = unclassified + excluded.unclassified
                    """
            ).execute(arguments: [key.office, key.month, count])
        }
    }

    /// Refuses a batch sealed to an office key whose secret is no longer kept (a rotation
    /// finished while this process still had the old public key cached): such a report could
    /// never be opened, so its reporter gets a 503 and sends again rather than a useless receipt.
    static func checkKeyVersions(_ intakes: [SealedIntake], _ db: Database) throws {
        var checked = Set<MonthKey>()
        for intake in intakes where checked.insert(MonthKey(office: intake.officeID, month: String(intake.officeKeyVersion))).inserted {
            let kept =
                try Int.fetchOne(
                    db.cachedStatement(
                        sql: """
                            SELECT count(*) FROM office_key_seal WHERE office_id = ? AND key_version = ? AND recipient = 'recovery' AND purpose = 'office_secret'
                            """), arguments: [intake.officeID, Int64(intake.officeKeyVersion)]) ?? 0
            guard kept == 1 else { throw StoreError.unavailable("the office key changed") }
        }
    }

    static func insert(_ intake: SealedIntake, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO case_file (id, office_id, office_key_version, sealed_keys, kind, step, channel, received_on, next_due, sealed_to, integrity)
                VALUES (?, ?, ?, ?, 'meldung', ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                intake.caseID, intake.officeID, Int64(intake.officeKeyVersion),
                Data(intake.sealedKeys), intake.step, intake.channel, intake.receivedOn.iso, intake.nextDue?.iso,
                intake.sealedTo.map { Data($0) },
                intake.authenticator.map { Data($0) },
            ]
        )
        try db.cachedStatement(sql: "INSERT INTO mailbox (lookup_id, case_id, wrapped_key) VALUES (?, ?, ?)").execute(
            arguments: [Data(intake.lookupID), intake.caseID, Data(intake.wrappedMailboxKey)]
        )
        for record in intake.records {
            try SQLiteReportStore.insert(record, db)
        }
    }
}
