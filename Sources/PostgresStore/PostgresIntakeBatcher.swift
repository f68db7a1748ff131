import Casework
import Foundation
import Intake
import PostgresNIO
import SichtbarCore

/// PostgreSQL's side of intake's group commit (`GroupCommit`): one transaction per batch,
/// durable when COMMIT returns with `synchronous_commit = on`. Within a batch the rows are
/// written in case-id order, so their place tells nothing of who came first.
final class PostgresIntakeBatcher: Sendable {
    private let queue: GroupCommit

    init(database: PostgresDatabase, maxBatch: Int = 64) {
        queue = GroupCommit(maxBatch: maxBatch, answerWithin: database.intakeAnswerWithin) { intakes in
            try await database.write { session in try await Self.write(intakes, session) }
            return nil
        }
    }

    /// Returns once `intake` is committed and flushed.
    func submit(_ intake: SealedIntake) async throws {
        try await queue.submit(intake)
    }

    static func write(_ batch: [SealedIntake], _ session: PostgresSession) async throws {
        let intakes = batch.sorted { $0.caseID.precedes($1.caseID) }
        try await checkKeyVersions(intakes, session)
        try await session.execute(
            """
            INSERT INTO case_file (id, office_id, office_key_version, sealed_keys, kind, step, channel, received_on, next_due, sealed_to,
                                   integrity)
            SELECT id, office_id, version, sealed_keys, 'meldung', step, channel, received_on, nullif(next_due, ''),
                   nullif(sealed_to, ''::bytea), nullif(integrity, ''::bytea)
            FROM unnest(\(intakes.map { ByteBuffer(bytes: $0.caseID.bytes) })::bytea[],
                        \(intakes.map { ByteBuffer(bytes: $0.officeID.bytes) })::bytea[],
                        \(intakes.map { Int($0.officeKeyVersion) })::bigint[],
                        \(intakes.map { ByteBuffer(bytes: $0.sealedKeys) })::bytea[],
                        \(intakes.map(\.step))::text[], \(intakes.map(\.channel))::text[], \(intakes.map(\.receivedOn.iso))::text[],
                        \(intakes.map { $0.nextDue?.iso ?? "" })::text[],
                        \(intakes.map { ByteBuffer(bytes: $0.sealedTo ?? []) })::bytea[],
                        \(intakes.map { ByteBuffer(bytes: $0.authenticator ?? []) })::bytea[])
                AS i(id, office_id, version, sealed_keys, step, channel, received_on, next_due, sealed_to, integrity)
            """)
        try await session.execute(
            """
            INSERT INTO mailbox (lookup_id, case_id, wrapped_key)
            SELECT * FROM unnest(\(intakes.map { ByteBuffer(bytes: $0.lookupID) })::bytea[],
                                 \(intakes.map { ByteBuffer(bytes: $0.caseID.bytes) })::bytea[],
                                 \(intakes.map { ByteBuffer(bytes: $0.wrappedMailboxKey) })::bytea[])
            """)
        try await PostgresReportStore.insert(intakes.flatMap(\.records), pending: false, session)
        var months: [MonthKey: Int] = [:]
        for intake in intakes { months[MonthKey(office: intake.officeID, month: intake.receivedOn.monthKey), default: 0] += 1 }
        // In one order in every process: two batches upserting the same months never wait on each other in a circle.
        let counted = months.sorted { $0.key.office != $1.key.office ? $0.key.office.precedes($1.key.office) : $0.key.month < $1.key.month }
        try await session.execute(
            """
            INSERT INTO intake_month (office_id, month, unclassified)
            SELECT * FROM unnest(\(counted.map { ByteBuffer(bytes: $0.key.office.bytes) })::bytea[], \(counted.map(\.key.month))::text[],
                                 \(counted.map(\.value))::bigint[])
            ON CONFLICT (office_id, month) DO UPDATE SET unclassified = intake_month.unclassified + excluded.unclassified
            """)
    }

    /// Refuses a batch sealed to an office key whose secret is no longer kept (a rotation finished
    /// while this process still had the old public key cached): such a report could never be
    /// opened, so its reporter gets a 503 and sends again rather than a useless receipt. The seal
    /// stays locked `FOR SHARE` until the batch commits, so a rotation cannot finish in between.
    static func checkKeyVersions(_ intakes: [SealedIntake], _ session: PostgresSession) async throws {
        let keys = Set(intakes.map { KeyVersion(office: $0.officeID, version: $0.officeKeyVersion) })
        for key in keys.sorted(by: { $0.office != $1.office ? $0.office.precedes($1.office) : $0.version < $1.version }) {
            let kept = try await session.rows(
                """
                SELECT 1 FROM office_key_seal
                WHERE office_id = \(key.office) AND key_version = \(Int(key.version)) AND recipient = 'recovery' AND purpose = 'office_secret'
                FOR SHARE
                """)
            guard kept.count == 1 else { throw StoreError.unavailable("the office key changed") }
        }
    }

    /// One office's month, for counting a batch's unclassified reports with one upsert each.
    struct MonthKey: Hashable {
        let office: EntityID
        let month: String
    }

    /// One office key version a batch was sealed to, checked once per batch.
    struct KeyVersion: Hashable {
        let office: EntityID
        let version: UInt32
    }
}
