import Casework
import Foundation
import Intake
import Members
import Sealing
import SichtbarCore

/// `MemberStore` over PostgreSQL: members, seals, invitations, rotations and the audit chains.
/// It holds the server signing key because every append signs the chain head. Every change to
/// who holds an office's (or the Verband's) secrets runs under that chain's lock, so the checks
/// SQLite's one writer made safe (the last lead, the manifest describing the rows) hold here too.
public final class PostgresMemberStore: MemberStore, AuditCheckpoints, PostgresBacked {
    public let context: PostgresContext
    public required init(_ context: PostgresContext) { self.context = context }

    public func member(username: String) async throws -> Member? {
        try await database.read { session in try await MemberRow.one(session, username: username) }
    }

    public func offices() async throws -> [Office] {
        try await database.offices()
    }

    public func members(officeID: EntityID?) async throws -> [Member] {
        try await database.read { session in try await MemberRow.all(session, officeID: officeID) }
    }

    public func office(id: EntityID) async throws -> Office? {
        try await database.read { session in try await OfficeRow.one(session, id: id) }
    }

    public func verband() async throws -> Verband? {
        try await database.read { session in try await Self.verband(session) }
    }

    static func verband(_ session: PostgresSession) async throws -> Verband? {
        guard let row = try await session.one("SELECT id, name, public_key FROM verband LIMIT 1"), let id = row.id("id") else {
            return nil
        }
        return Verband(id: id, name: try row.string("name"), publicKey: try BoxPublicKey(bytes: try row.bytes("public_key")))
    }

    public func recoveryKey(officeID: EntityID) async throws -> BoxPublicKey? {
        try await database.read { session in
            try await session.one("SELECT recovery_public_key FROM office WHERE id = \(officeID)").map {
                try BoxPublicKey(bytes: try $0.bytes(0))
            }
        }
    }

    public func officeSeal(officeID: EntityID, version: UInt32, recipient: String, purpose: OfficeKeySeal.Purpose) async throws
        -> [UInt8]?
    {
        try await database.read { session in
            try await session.one(
                """
                SELECT sealed FROM office_key_seal
                WHERE office_id = \(officeID) AND key_version = \(Int(version)) AND recipient = \(recipient) AND purpose = \(purpose.rawValue)
                """
            )?.bytes(0)
        }
    }

    public func verbandSeal(memberID: EntityID) async throws -> [UInt8]? {
        try await database.read { session in
            try await session.one("SELECT sealed FROM verband_key_seal WHERE member_id = \(memberID)")?.bytes(0)
        }
    }

    // MARK: Audit

    public func record(_ events: [AuditEvent], chain: EntityID) async throws {
        try await database.write { session in try await self.audit(events, chain: chain, session) }
    }

    public func auditEntries(chain: EntityID, from sequence: UInt64, limit: Int) async throws -> [AuditEntry] {
        try await database.read { session in try await PostgresAuditLog.entries(chain: chain, from: sequence, limit: limit, session) }
    }

    /// A subject matches itself and subjects that continue it after a space ("CASE from→to").
    public func auditEntries(chain: EntityID, subject: String, limit: Int) async throws -> [AuditEntry] {
        try await database.read { session in
            try await session.rows(
                """
                SELECT seq, at, actor, action, subject, hash FROM audit_event
                WHERE chain = \(chain) AND (subject = \(subject) OR (subject > \(subject + " ") AND subject < \(subject + "!")))
                ORDER BY seq LIMIT \(rows: limit)
                """
            ).map(PostgresAuditLog.decode)
        }
    }

    /// Walks the chain's primary key backwards, so a filter that matches often answers at once.
    public func auditEntries(chain: EntityID, filter: AuditFilter, before: UInt64?, limit: Int) async throws -> [AuditEntry] {
        var builder = SQLBuilder()
        var conditions = ["chain = \(builder.bind(chain))"]
        if let before { conditions.append("seq < \(builder.bind(Int(before)))") }
        if let actor = filter.actor { conditions.append("actor = \(builder.bind(actor))") }
        if let subjects = filter.subjects {
            conditions.append("subject >= \(builder.bind(subjects.lower))")
            if let upper = subjects.upper { conditions.append("subject < \(builder.bind(upper))") }
        }
        if let times = filter.times {
            conditions.append("at >= \(builder.bind(times.from)) AND at < \(builder.bind(times.to))")
        }
        let count = builder.bind(rows: limit)
        let query = builder.query(
            """
            SELECT seq, at, actor, action, subject, hash FROM audit_event WHERE \(conditions.joined(separator: " AND "))
            ORDER BY seq DESC LIMIT \(count)
            """)
        return try await database.read { session in try await session.rows(query).map(PostgresAuditLog.decode) }
    }

    public func checkpoint(chain: EntityID, by actor: String) async throws -> AuditCheckpoint {
        let head = try await database.write { session -> AuditHead? in
            try await self.audit(.member(actor, .checkpointWritten), chain: chain, session)
            return try await PostgresAuditLog.head(chain: chain, session)
        }
        guard let head else { throw StoreError.notFound }
        return AuditCheckpoint(head: head, key: signer.publicKey)
    }

    public func auditHead(chain: EntityID) async throws -> AuditHead? {
        try await database.read { session in try await PostgresAuditLog.head(chain: chain, session) }
    }

    /// Flushes finished days' reporter events into every chain (the daily job), then returns
    /// each chain's signed head, kept as the day's checkpoint.
    public func flushAndHeads() async throws -> [AuditHead] {
        try await database.write { session in
            let chains = try await Self.chains(session)
            // Every chain's lock first, in id order, as retention takes them: no two runs wait on each other in a circle.
            for chain in chains.sorted(by: { $0.precedes($1) }) { try await session.lock(.chain(chain)) }
            var heads: [AuditHead] = []
            for chain in chains {
                try await self.audit([], chain: chain, session)
                guard let head = try await PostgresAuditLog.head(chain: chain, session) else { continue }
                heads.append(head)
                try await session.execute(
                    """
                    INSERT INTO audit_checkpoint (chain, day, seq, hash, signature)
                    VALUES (\(chain), \(self.today()), \(Int(head.sequence)), \(bytes: head.hash), \(bytes: head.signature))
                    ON CONFLICT DO NOTHING
                    """)
            }
            return heads
        }
    }

    /// Every chain id: offices first, then the Verband.
    public func chains() async throws -> [EntityID] {
        try await database.read { session in try await Self.chains(session) }
    }

    static func chains(_ session: PostgresSession) async throws -> [EntityID] {
        let offices = try await session.rows("SELECT id FROM office ORDER BY position").compactMap { $0.id(0) }
        return offices + (try await session.rows("SELECT id FROM verband").compactMap { $0.id(0) })
    }

    /// The lock of an office's members, or of the Verband's analysts for nil.
    static func scope(_ officeID: EntityID?) -> PostgresLock {
        officeID.map(PostgresLock.chain) ?? .verband
    }
}
