import Casework
import Foundation
import GRDB
import Intake
import SichtbarCore
import Synchronization

/// Group commit for intake: one writer takes every report that arrived while the previous
/// transaction was committing, writes them in one transaction, and answers each only after that
/// commit is durable. A failed batch fails every report in it (the routes answer 503).
final class IntakeBatcher: Sendable {
    /// One office's month, for counting a batch's unclassified reports with one upsert each.
    struct MonthKey: Hashable {
        let office: EntityID
        let month: String
    }

    typealias Waiter = CheckedContinuation<Void, any Error>

    private struct State {
        var pending: [(SealedIntake, Waiter)] = []
        var draining = false
        var lastBatchSize = 0
    }

    private let writer: any DatabaseWriter
    private let maxBatch: Int
    private let state = Mutex(State())

    init(writer: any DatabaseWriter, maxBatch: Int = 64) {
        self.writer = writer
        self.maxBatch = maxBatch
    }

    /// Returns once `intake` is committed with `synchronous=FULL`.
    func submit(_ intake: SealedIntake) async throws {
        try await withCheckedThrowingContinuation { (waiter: Waiter) in
            let startDrain = state.withLock { state -> Bool in
                state.pending.append((intake, waiter))
                if state.draining { return false }
                state.draining = true
                return true
            }
            if startDrain {
                Task { await self.drain() }
            }
        }
    }

    /// How long a batch waits for more reports while reports arrive concurrently: a commit costs
    /// an fsync, so a slightly fuller batch is cheaper per report. A lone reporter never waits.
    static let linger = Duration.microseconds(1500)

    private func drain() async {
        while true {
            let concurrent = state.withLock { $0.lastBatchSize > 1 && $0.pending.count < maxBatch }
            if concurrent { try? await Task.sleep(for: Self.linger) }
            let batch: [(SealedIntake, Waiter)] = state.withLock { state in
                let batch = Array(state.pending.prefix(maxBatch))
                state.pending.removeFirst(batch.count)
                if batch.isEmpty { state.draining = false }
                state.lastBatchSize = batch.count
                return batch
            }
            if batch.isEmpty { return }
            do {
                try await writer.write { db in
                    try Self.checkKeyVersions(batch.map(\.0), db)
                    var months: [MonthKey: Int] = [:]
                    for (intake, _) in batch {
                        try Self.insert(intake, db)
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
                for (_, waiter) in batch { waiter.resume() }
            } catch {
                let failure = StoreError.unavailable("the report batch could not be committed")
                for (_, waiter) in batch { waiter.resume(throwing: failure) }
            }
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
