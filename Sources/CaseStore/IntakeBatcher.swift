import Foundation
import Casework
import GRDB
import Synchronization

/// Group commit for intake: one writer takes every report that arrived while the previous
/// transaction was committing, writes them in one transaction, and answers each only after that
/// commit is durable. A failed batch fails every report in it (the routes answer 503).
final class IntakeBatcher: Sendable {
    typealias Waiter = CheckedContinuation<Void, any Error>

    private struct State {
        var pending: [(SealedIntake, Waiter)] = []
        var draining = false
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

    private func drain() async {
        while true {
            let batch: [(SealedIntake, Waiter)] = state.withLock { state in
                let batch = Array(state.pending.prefix(maxBatch))
                state.pending.removeFirst(batch.count)
                if batch.isEmpty { state.draining = false }
                return batch
            }
            if batch.isEmpty { return }
            do {
                try await writer.write { db in
                    for (intake, _) in batch {
                        try Self.insert(intake, db)
                    }
                }
                for (_, waiter) in batch { waiter.resume() }
            } catch {
                let failure = StoreError.unavailable("the report batch could not be committed")
                for (_, waiter) in batch { waiter.resume(throwing: failure) }
            }
        }
    }

    static func insert(_ intake: SealedIntake, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO case_file (id, office_id, office_key_version, sealed_keys, kind, step, channel, received_on)
                VALUES (?, ?, ?, ?, 'meldung', ?, ?, ?)
                """,
            arguments: [Data(intake.caseID.bytes), Data(intake.officeID.bytes), Int64(intake.officeKeyVersion),
                        Data(intake.sealedKeys), intake.step, intake.channel, intake.receivedOn.iso]
        )
        try db.execute(
            sql: "INSERT INTO mailbox (lookup_id, case_id, wrapped_key) VALUES (?, ?, ?)",
            arguments: [Data(intake.lookupID), Data(intake.caseID.bytes), Data(intake.wrappedMailboxKey)]
        )
        for record in intake.records {
            try SQLiteReportStore.insert(record, db)
        }
        try db.execute(
            sql: """
                INSERT INTO intake_month (office_id, month, unclassified) VALUES (?, ?, 1)
                ON CONFLICT (office_id, month) DO UPDATE SET unclassified = unclassified + 1
                """,
            arguments: [Data(intake.officeID.bytes), intake.receivedOn.monthKey]
        )
    }
}
