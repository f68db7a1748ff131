import Casework
import Foundation
import GRDB
import Intake
import Sealing
import SichtbarCore
import Synchronization
import Workflow

/// `ReportStore` over the SQLite database, with group commit for intake.
public final class SQLiteReportStore: ReportStore {
    public let database: AppDatabase
    private let batcher: IntakeBatcher
    /// Offices change rarely (set-up, profile edits from the command line) but every report asks
    /// for them: a short-lived copy spares each intake a read transaction.
    private let officeCache = Mutex<(offices: [Office], fetched: ContinuousClock.Instant)?>(nil)
    static let officeCacheLifetime = Duration.seconds(2)
    /// Today in Berlin, the day reporter-side audit events are queued under; replaceable for the
    /// demo, which plays two years of casework on a moving clock.
    let today: @Sendable () -> Day

    public init(database: AppDatabase, today: @escaping @Sendable () -> Day = { Day(Date()) }) {
        self.database = database
        self.today = today
        self.batcher = IntakeBatcher(writer: database.writer)
    }

    public func offices() async throws -> [Office] {
        let now = ContinuousClock.now
        if let cached = officeCache.withLock({ $0 }), now - cached.fetched < Self.officeCacheLifetime {
            return cached.offices
        }
        let offices = try await database.writer.read { db in try OfficeRow.all(db) }
        officeCache.withLock { $0 = (offices, now) }
        return offices
    }

    public func submit(_ intake: SealedIntake) async throws {
        try await batcher.submit(intake)
    }

    public func mailbox(lookupID: [UInt8]) async throws -> MailboxSnapshot? {
        try await database.writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT c.id, c.office_id, c.step, c.touched, m.wrapped_key
                        FROM mailbox m JOIN case_file c ON c.id = m.case_id WHERE m.lookup_id = ?
                        """, arguments: [Data(lookupID)]),
                let caseID = row.entityID("id"),
                let officeID = row.entityID("office_id")
            else { return nil }
            let shared = RecordKind.allCases.filter(\.isShared).map(\.rawValue)
            let records = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, kind, key_version, CASE WHEN kind = 'reporter_file' THEN X'' ELSE ciphertext END AS ciphertext
                    FROM record WHERE case_id = ? AND kind IN (\(shared.map { _ in "?" }.joined(separator: ",")))
                    """, arguments: StatementArguments([caseID] + shared)
            )
            .compactMap { record -> SealedRecord? in
                guard let id = record.entityID("id"),
                    let kind = RecordKind(rawValue: record["kind"])
                else { return nil }
                return SealedRecord(
                    id: id, caseID: caseID, kind: kind,
                    keyVersion: UInt32(record["key_version"] as Int64),
                    ciphertext: [UInt8](record["ciphertext"] as Data))
            }
            return MailboxSnapshot(
                caseID: caseID, officeID: officeID, step: row["step"],
                touchedByOffice: row["touched"] as Bool,
                wrappedMailboxKey: [UInt8](row["wrapped_key"] as Data), records: records)
        }
    }

    /// Adds a reporter's record (a message) and queues its day-only audit event. The reporter
    /// holds no case key, so the record is marked pending: a counsellor's next open checks it
    /// and folds it into the case's authenticator.
    public func append(_ records: [SealedRecord]) async throws {
        guard let caseID = records.first?.caseID, records.allSatisfy({ $0.caseID == caseID }) else { return }
        let queued = today()
        do {
            try await database.writer.write { db in
                for record in records { try Self.insert(record, pending: true, db) }
                try db.execute(sql: "UPDATE case_file SET reporter_unread = 1 WHERE id = ?", arguments: [caseID])
                if let office = try Self.officeOfCase(caseID, db) {
                    try AuditLog.queue(.reporterMessageAdded, subject: caseID, chain: office, day: queued, db)
                }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw StoreError.notFound
        } catch let error as DatabaseError {
            throw StoreError.unavailable("\(error.resultCode)")
        }
    }

    public func shred(caseID: EntityID) async throws {
        let queued = today()
        try await database.writer.write { db in
            let monthRow = try Row.fetchOne(
                db,
                sql: """
                    SELECT office_id, received_on, touched, EXISTS (SELECT 1 FROM case_facets WHERE case_id = ?1) AS classified
                    FROM case_file WHERE id = ?1
                    """,
                arguments: [caseID])
            guard let monthRow else { throw StoreError.notFound }
            try db.execute(sql: "DELETE FROM record WHERE case_id = ?", arguments: [caseID])
            try db.execute(sql: "DELETE FROM mailbox WHERE case_id = ?", arguments: [caseID])
            try db.execute(sql: "DELETE FROM case_file WHERE id = ?", arguments: [caseID])
            let received: String = monthRow["received_on"]
            // Only a report still counted as unclassified leaves that count.
            if !(monthRow["classified"] as Bool) {
                try db.execute(
                    sql: """
                        UPDATE intake_month SET unclassified = max(unclassified - 1, 0) WHERE office_id = ? AND month = ?
                        """, arguments: [monthRow["office_id"] as Data, String(received.prefix(7))])
            }
            if let office = monthRow.entityID("office_id") {
                try AuditLog.queue(.reportWithdrawn, subject: caseID, chain: office, day: queued, db)
            }
        }
        await database.checkpoint()
    }

    public func requestDeletion(caseID: EntityID, on day: Day, due: Day?) async throws {
        let queued = today()
        try await database.writer.write { db in
            try db.execute(
                sql: """
                    UPDATE case_file SET step = ?, withdrawn_on = ?2, deletion_requested_on = ?2,
                        next_due = CASE WHEN ?3 IS NOT NULL AND (next_due IS NULL OR ?3 < next_due) THEN ?3 ELSE next_due END
                    WHERE id = ?
                    """, arguments: [WorkflowPolicy.deletionRequestedStep, day.iso, due?.iso, caseID])
            guard db.changesCount == 1 else { throw StoreError.notFound }
            if let office = try Self.officeOfCase(caseID, db) {
                try AuditLog.queue(.withdrawalRequested, subject: caseID, chain: office, day: queued, db)
            }
        }
    }

    static func officeOfCase(_ caseID: EntityID, _ db: Database) throws -> EntityID? {
        try Data.fetchOne(db, sql: "SELECT office_id FROM case_file WHERE id = ?", arguments: [caseID])
            .flatMap { EntityID(bytes: [UInt8]($0)) }
    }

    /// Each record gets a random slot (its rowid, migration v14): row order must not tell when
    /// a record arrived. Two slots of 63 random bits collide about once in 10¹² inserts at ten
    /// million records; a collision draws again.
    static func insert(_ record: SealedRecord, pending: Bool = false, _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO record (slot, id, case_id, kind, key_version, ciphertext, pending) VALUES (?, ?, ?, ?, ?, ?, ?)")
        for attempt in 1...3 {
            do {
                try statement.execute(
                    arguments: [
                        Int64.random(in: 0...Int64.max), record.id, record.caseID, record.kind.rawValue,
                        Int64(record.keyVersion), Data(record.ciphertext), pending,
                    ]
                )
                return
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY && attempt < 3 {
                continue
            }
        }
    }
}
