import Casework
import Foundation
import PostgresNIO
import Sealing
import SichtbarCore

/// The audit chains in PostgreSQL, hashed and signed exactly as SQLite's (`AuditChain.link`,
/// `AuditHead.signed`), so `audit verify` judges them the same. Appends happen inside the
/// transaction of the change they record, holding the chain's lock; each append signs the new
/// head. Reporter-side events of finished days are flushed into the chain first, in day and
/// random-id order, so their place in the chain tells no more than their day.
enum PostgresAuditLog {
    static func append(_ events: [AuditEvent], chain: EntityID, signer: SigningKeyPair, today: Day, _ session: PostgresSession)
        async throws
    {
        try await session.lock(.chain(chain))
        let head = try await session.one("SELECT seq, hash, flushed_before FROM audit_head WHERE chain = \(chain)")
        var sequence = UInt64(try head?.int("seq") ?? 0)
        var previous = try head?.bytes("hash") ?? AuditChain.genesis
        var flushedBefore = try head?.string("flushed_before") ?? ""
        var all = events
        let flushing = flushedBefore < today.iso
        if flushing {
            all = try await reporterEvents(chain: chain, before: today, session) + events
            flushedBefore = today.iso
        }
        // Nothing new and nothing flushed: the signed head stays as it is.
        guard !all.isEmpty || flushing else { return }
        var sequences: [Int] = []
        var hashes: [ByteBuffer] = []
        for event in all {
            sequence += 1
            let hash = AuditChain.link(previous: previous, chain: chain, sequence: sequence, event: event)
            sequences.append(Int(sequence))
            hashes.append(ByteBuffer(bytes: hash))
            previous = hash
        }
        if !all.isEmpty {
            try await session.execute(
                """
                INSERT INTO audit_event (chain, seq, at, actor, action, subject, hash)
                SELECT \(chain), * FROM unnest(\(sequences)::bigint[], \(all.map(\.at))::text[], \(all.map(\.actor))::text[],
                                               \(all.map(\.action))::text[], \(all.map(\.subject))::text[], \(hashes)::bytea[])
                """)
        }
        let signed = AuditHead.signed(chain: chain, sequence: sequence, hash: previous, by: signer)
        try await session.execute(
            """
            INSERT INTO audit_head (chain, seq, hash, signature, flushed_before)
            VALUES (\(chain), \(Int(sequence)), \(bytes: previous), \(bytes: signed.signature), \(flushedBefore))
            ON CONFLICT (chain) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, signature = excluded.signature,
                flushed_before = excluded.flushed_before
            """)
    }

    /// Reporter-side events of days before `today` that are not in the chain yet, marked as taken
    /// in the same statements that read them: a report committed meanwhile is either in both or in neither.
    static func reporterEvents(chain: EntityID, before today: Day, _ session: PostgresSession) async throws -> [AuditEvent] {
        var collected: [(day: String, id: [UInt8], event: AuditEvent)] = []
        for row in try await session.rows(
            """
            UPDATE case_file SET intake_audited = true WHERE office_id = \(chain) AND NOT intake_audited AND received_on < \(today)
            RETURNING id, received_on
            """)
        {
            let id = try row.bytes("id")
            let day = try row.string("received_on")
            collected.append((day, id, AuditEvent(at: day, actor: "reporter", action: .reportReceived, subject: EntityID.hexString(id))))
        }
        for row in try await session.rows(
            "DELETE FROM audit_pending WHERE chain = \(chain) AND day < \(today) RETURNING id, day, action, subject")
        {
            let day = try row.string("day")
            collected.append(
                (
                    day, try row.bytes("id"),
                    AuditEvent(at: day, actor: "reporter", actionName: try row.string("action"), subject: try row.string("subject"))
                ))
        }
        return collected.sorted { lhs, rhs in
            lhs.day != rhs.day ? lhs.day < rhs.day : lhs.id.lexicographicallyPrecedes(rhs.id)
        }.map(\.event)
    }

    /// Queues a reporter-side event until its day is over.
    static func queue(_ action: AuditAction, subject: EntityID, chain: EntityID, day: Day, _ session: PostgresSession) async throws {
        try await session.execute(
            """
            INSERT INTO audit_pending (id, chain, day, action, subject) VALUES (\(EntityID.random()), \(chain), \(day), \(action.rawValue), \(subject.hex))
            """)
    }

    static func entries(chain: EntityID, from sequence: UInt64, limit: Int, _ session: PostgresSession) async throws -> [AuditEntry] {
        try await session.rows(
            """
            SELECT seq, at, actor, action, subject, hash FROM audit_event WHERE chain = \(chain) AND seq >= \(Int(sequence))
            ORDER BY seq LIMIT \(rows: limit)
            """
        ).map(decode)
    }

    /// Stored text as it is: an edited action or subject then fails verification on its hash.
    static func decode(_ row: PostgresColumns) throws -> AuditEntry {
        AuditEntry(
            sequence: UInt64(try row.int("seq")),
            event: AuditEvent(
                at: try row.string("at"), actor: try row.string("actor"), actionName: try row.string("action"),
                subject: try row.string("subject")),
            hash: try row.bytes("hash"))
    }

    static func head(chain: EntityID, _ session: PostgresSession) async throws -> AuditHead? {
        guard let row = try await session.one("SELECT seq, hash, signature FROM audit_head WHERE chain = \(chain)") else { return nil }
        return AuditHead(
            chain: chain, sequence: UInt64(try row.int("seq")), hash: try row.bytes("hash"), signature: try row.bytes("signature"))
    }
}
