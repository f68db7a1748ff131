import Casework
import Foundation
import GRDB
import Sealing
import SichtbarCore

/// The audit chains in SQLite. Appends happen inside the transaction of the change they record;
/// each append signs the new head. Reporter-side events of finished days are flushed into the
/// chain first, in day and random-id order.
enum AuditLog {
    static func append(_ events: [AuditEvent], chain: EntityID, signer: SigningKeyPair, today: Day, _ db: Database) throws {
        let chainData = chain
        let head = try Row.fetchOne(
            db, sql: "SELECT seq, hash, flushed_before FROM audit_head WHERE chain = ?",
            arguments: [chainData])
        var sequence = UInt64(head?["seq"] as Int64? ?? 0)
        var previous = (head?["hash"] as Data?).map { [UInt8]($0) } ?? AuditChain.genesis
        var flushedBefore = head?["flushed_before"] as String? ?? ""
        var all = events
        let flushing = flushedBefore < today.iso
        if flushing {
            all = try reporterEvents(chain: chain, before: today, db) + events
            flushedBefore = today.iso
        }
        // Nothing new and nothing flushed: the signed head stays as it is.
        guard !all.isEmpty || flushing else { return }
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO audit_event (chain, seq, at, actor, action, subject, hash) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        for event in all {
            sequence += 1
            let hash = AuditChain.link(previous: previous, chain: chain, sequence: sequence, event: event)
            try insert.execute(arguments: [
                chainData, Int64(sequence), event.at, event.actor, event.action,
                event.subject, Data(hash),
            ])
            previous = hash
        }
        let signed = AuditHead.signed(chain: chain, sequence: sequence, hash: previous, by: signer)
        try db.execute(
            sql: """
                INSERT INTO audit_head (chain, seq, hash, signature, flushed_before) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (chain) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, signature = excluded.signature,
                    flushed_before = excluded.flushed_before
                """, arguments: [chainData, Int64(sequence), Data(previous), Data(signed.signature), flushedBefore])
    }

    /// Reporter-side events of days before `today` that are not in the chain yet, marked as taken.
    static func reporterEvents(chain: EntityID, before today: Day, _ db: Database) throws -> [AuditEvent] {
        let chainData = chain
        var collected: [(day: String, id: Data, event: AuditEvent)] = []
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT id, received_on FROM case_file WHERE office_id = ? AND intake_audited = 0 AND received_on < ?
                """, arguments: [chainData, today.iso])
        {
            let id: Data = row["id"]
            let day: String = row["received_on"]
            collected.append(
                (
                    day, id,
                    AuditEvent(
                        at: day, actor: "reporter", action: .reportReceived,
                        subject: EntityID.hexString([UInt8](id)))
                ))
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT id, day, action, subject FROM audit_pending WHERE chain = ? AND day < ?
                """, arguments: [chainData, today.iso])
        {
            let day: String = row["day"]
            collected.append((day, row["id"], AuditEvent(at: day, actor: "reporter", actionName: row["action"], subject: row["subject"])))
        }
        guard !collected.isEmpty else { return [] }
        try db.execute(
            sql: "UPDATE case_file SET intake_audited = 1 WHERE office_id = ? AND intake_audited = 0 AND received_on < ?",
            arguments: [chainData, today.iso])
        try db.execute(sql: "DELETE FROM audit_pending WHERE chain = ? AND day < ?", arguments: [chainData, today.iso])
        return collected.sorted { lhs, rhs in
            lhs.day != rhs.day ? lhs.day < rhs.day : [UInt8](lhs.id).lexicographicallyPrecedes([UInt8](rhs.id))
        }.map(\.event)
    }

    /// Queues a reporter-side event until its day is over.
    static func queue(_ action: AuditAction, subject: EntityID, chain: EntityID, day: Day, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO audit_pending (id, chain, day, action, subject) VALUES (?, ?, ?, ?, ?)",
            arguments: [EntityID.random(), chain, day.iso, action.rawValue, subject.hex])
    }

    static func entries(chain: EntityID, from sequence: UInt64, limit: Int, _ db: Database) throws -> [AuditEntry] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT seq, at, actor, action, subject, hash FROM audit_event WHERE chain = ? AND seq >= ? ORDER BY seq LIMIT ?
                """, arguments: [chain, Int64(sequence), limit]
        ).map(decode)
    }

    /// Stored text as it is: an edited action or subject then fails verification on its hash.
    static func decode(_ row: Row) throws -> AuditEntry {
        AuditEntry(
            sequence: UInt64(row["seq"] as Int64),
            event: AuditEvent(at: row["at"], actor: row["actor"], actionName: row["action"], subject: row["subject"]),
            hash: [UInt8](row["hash"] as Data))
    }

    static func head(chain: EntityID, _ db: Database) throws -> AuditHead? {
        try Row.fetchOne(db, sql: "SELECT seq, hash, signature FROM audit_head WHERE chain = ?", arguments: [chain])
            .map {
                AuditHead(
                    chain: chain, sequence: UInt64($0["seq"] as Int64), hash: [UInt8]($0["hash"] as Data),
                    signature: [UInt8]($0["signature"] as Data))
            }
    }
}
