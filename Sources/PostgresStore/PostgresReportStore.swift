import Casework
import Foundation
import Intake
import PostgresNIO
import Sealing
import SichtbarCore
import Synchronization
import Workflow

/// `ReportStore` over PostgreSQL, with group commit for intake.
public final class PostgresReportStore: ReportStore {
    public let database: PostgresDatabase
    private let batcher: PostgresIntakeBatcher
    /// Offices change rarely but every report asks for them: a short-lived copy spares each
    /// intake a round trip.
    private let officeCache = Mutex<(offices: [Office], fetched: ContinuousClock.Instant)?>(nil)
    static let officeCacheLifetime = Duration.seconds(2)
    /// Today in Berlin, the day reporter-side audit events are queued under.
    let today: @Sendable () -> Day

    public init(database: PostgresDatabase, today: @escaping @Sendable () -> Day = { Day(Date()) }) {
        self.database = database
        self.today = today
        self.batcher = PostgresIntakeBatcher(database: database)
    }

    public func offices() async throws -> [Office] {
        let now = ContinuousClock.now
        if let cached = officeCache.withLock({ $0 }), now - cached.fetched < Self.officeCacheLifetime {
            return cached.offices
        }
        let offices = try await database.offices()
        officeCache.withLock { $0 = (offices, now) }
        return offices
    }

    public func submit(_ intake: SealedIntake) async throws {
        try await batcher.submit(intake)
    }

    public func mailbox(lookupID: [UInt8]) async throws -> MailboxSnapshot? {
        let shared = RecordKind.allCases.filter(\.isShared).map(\.rawValue)
        return try await database.read { session in
            guard
                let row = try await session.one(
                    """
                    SELECT c.id, c.office_id, c.step, c.touched, m.wrapped_key
                    FROM mailbox m JOIN case_file c ON c.id = m.case_id WHERE m.lookup_id = \(bytes: lookupID)
                    """),
                let caseID = row.id("id"), let officeID = row.id("office_id")
            else { return nil }
            let records = try await session.rows(
                """
                SELECT id, kind, key_version, CASE WHEN kind = 'reporter_file' THEN ''::bytea ELSE ciphertext END AS ciphertext
                FROM record WHERE case_id = \(caseID) AND kind = ANY(\(shared)::text[]) ORDER BY kind, id
                """
            ).compactMap { record -> SealedRecord? in
                guard let id = record.id("id"), let kind = RecordKind(rawValue: try record.string("kind")) else { return nil }
                return SealedRecord(
                    id: id, caseID: caseID, kind: kind, keyVersion: UInt32(try record.int("key_version")),
                    ciphertext: try record.bytes("ciphertext"))
            }
            return MailboxSnapshot(
                caseID: caseID, officeID: officeID, step: try row.string("step"), touchedByOffice: try row.bool("touched"),
                wrappedMailboxKey: try row.bytes("wrapped_key"), records: records)
        }
    }

    /// Adds a reporter's records and queues their day-only audit event. The reporter holds no
    /// case key, so the records are marked pending: a counsellor's next open checks them and
    /// folds them into the case's authenticator.
    public func append(_ records: [SealedRecord]) async throws {
        guard let caseID = records.first?.caseID, records.allSatisfy({ $0.caseID == caseID }) else { return }
        let queued = today()
        do {
            try await database.write { session in
                guard
                    let office = try await session.one(
                        "UPDATE case_file SET reporter_unread = true WHERE id = \(caseID) RETURNING office_id")?.id(0)
                else { throw StoreError.notFound }
                try await Self.insert(records, pending: true, session)
                try await PostgresAuditLog.queue(.reporterMessageAdded, subject: caseID, chain: office, day: queued, session)
            }
        } catch let error as PSQLError where error.isConstraintViolation {
            throw StoreError.notFound
        }
    }

    public func shred(caseID: EntityID) async throws {
        let queued = today()
        try await database.write { session in
            guard
                let row = try await session.one(
                    """
                    SELECT office_id, received_on, EXISTS (SELECT 1 FROM case_facets WHERE case_id = \(caseID)) AS classified
                    FROM case_file WHERE id = \(caseID) FOR UPDATE
                    """),
                let office = row.id("office_id")
            else { throw StoreError.notFound }
            try await PostgresCaseFileStore.deleteCase(caseID, session)
            // Only a report still counted as unclassified leaves that count.
            if !(try row.bool("classified")) {
                try await PostgresCaseFileStore.uncount(officeID: office, received: try row.string("received_on"), session)
            }
            try await PostgresAuditLog.queue(.reportWithdrawn, subject: caseID, chain: office, day: queued, session)
        }
    }

    public func requestDeletion(caseID: EntityID, on day: Day, due: Day?) async throws {
        let queued = today()
        try await database.write { session in
            guard
                let office = try await session.one(
                    """
                    UPDATE case_file SET step = \(WorkflowPolicy.deletionRequestedStep), withdrawn_on = \(day), deletion_requested_on = \(day),
                        next_due = CASE WHEN \(due)::text IS NOT NULL AND (next_due IS NULL OR \(due)::text < next_due) THEN \(due)::text
                                        ELSE next_due END
                    WHERE id = \(caseID) RETURNING office_id
                    """)?.id(0)
            else { throw StoreError.notFound }
            try await PostgresAuditLog.queue(.withdrawalRequested, subject: caseID, chain: office, day: queued, session)
        }
    }

    /// Inserts records in one statement, in id order: their place in the table tells nothing of which came first.
    static func insert(_ records: [SealedRecord], pending: Bool, _ session: PostgresSession) async throws {
        guard !records.isEmpty else { return }
        let records = records.sorted { $0.id.precedes($1.id) }
        try await session.execute(
            """
            INSERT INTO record (id, case_id, kind, key_version, ciphertext, pending)
            SELECT id, case_id, kind, version, ciphertext, \(pending)
            FROM unnest(\(records.map { ByteBuffer(bytes: $0.id.bytes) })::bytea[], \(records.map { ByteBuffer(bytes: $0.caseID.bytes) })::bytea[],
                        \(records.map(\.kind.rawValue))::text[], \(records.map { Int($0.keyVersion) })::bigint[],
                        \(records.map { ByteBuffer(bytes: $0.ciphertext) })::bytea[]) AS r(id, case_id, kind, version, ciphertext)
            """)
    }
}
