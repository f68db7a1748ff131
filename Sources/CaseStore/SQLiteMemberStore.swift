import Casework
import Foundation
import GRDB
import Intake
import Members
import Sealing
import SichtbarCore

/// `MemberStore` over SQLite: members, seals, invitations, rotations and the audit chains. It
/// holds the server signing key because every append signs the chain head.
public final class SQLiteMemberStore: MemberStore, AuditCheckpoints, SQLiteStore {
    public let context: SQLiteContext
    public required init(_ context: SQLiteContext) { self.context = context }

    public func member(username: String) async throws -> Member? {
        try await writer.read { db in try MemberRow.one(db, username: username) }
    }

    public func offices() async throws -> [Office] {
        try await database.offices()
    }

    public func members(officeID: EntityID?) async throws -> [Member] {
        try await writer.read { db in try MemberRow.all(db, officeID: officeID) }
    }

    public func office(id: EntityID) async throws -> Office? {
        try await writer.read { db in try OfficeRow.one(db, id: id) }
    }

    public func verband() async throws -> Verband? {
        try await writer.read { db in try Self.verband(db) }
    }

    static func verband(_ db: Database) throws -> Verband? {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, name, public_key FROM verband LIMIT 1"),
            let id = row.entityID("id")
        else { return nil }
        return Verband(id: id, name: row["name"], publicKey: try BoxPublicKey(bytes: [UInt8](row["public_key"] as Data)))
    }

    public func recoveryKey(officeID: EntityID) async throws -> BoxPublicKey? {
        try await writer.read { db in
            try (Data.fetchOne(db, sql: "SELECT recovery_public_key FROM office WHERE id = ?", arguments: [officeID]))
                .map { try BoxPublicKey(bytes: [UInt8]($0)) }
        }
    }

    public func officeSeal(
        officeID: EntityID, version: UInt32, recipient: String,
        purpose: OfficeKeySeal.Purpose
    ) async throws -> [UInt8]? {
        try await writer.read { db in
            try
                (Data.fetchOne(
                    db,
                    sql: """
                        SELECT sealed FROM office_key_seal WHERE office_id = ? AND key_version = ? AND recipient = ? AND purpose = ?
                        """, arguments: [officeID, Int64(version), recipient, purpose.rawValue])).map { [UInt8]($0) }
        }
    }

    public func verbandSeal(memberID: EntityID) async throws -> [UInt8]? {
        try await writer.read { db in
            try
                (Data.fetchOne(
                    db, sql: "SELECT sealed FROM verband_key_seal WHERE member_id = ?",
                    arguments: [memberID])).map { [UInt8]($0) }
        }
    }

    // MARK: Audit

    public func record(_ events: [AuditEvent], chain: EntityID) async throws {
        let day = today()
        try await writer.write { [signer] db in try AuditLog.append(events, chain: chain, signer: signer, today: day, db) }
    }

    public func auditEntries(chain: EntityID, from sequence: UInt64, limit: Int) async throws -> [AuditEntry] {
        try await writer.read { db in try AuditLog.entries(chain: chain, from: sequence, limit: limit, db) }
    }

    /// A subject matches itself and subjects that continue it after a space ("CASE from→to").
    public func auditEntries(chain: EntityID, subject: String, limit: Int) async throws -> [AuditEntry] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT seq, at, actor, action, subject, hash FROM audit_event
                    WHERE chain = ? AND (subject = ? OR (subject > ? AND subject < ?)) ORDER BY seq LIMIT ?
                    """, arguments: [chain, subject, subject + " ", subject + "!", limit]
            ).map(AuditLog.decode)
        }
    }

    /// Walks the chain's primary key backwards, so a filter that matches often answers at once;
    /// one that matches nothing reads the whole chain (docs/decisions.md gives the time).
    public func auditEntries(chain: EntityID, filter: AuditFilter, before: UInt64?, limit: Int) async throws -> [AuditEntry] {
        var conditions = ["chain = ?"]
        var arguments: StatementArguments = [chain]
        if let before {
            conditions.append("seq < ?")
            arguments += [Int64(before)]
        }
        if let actor = filter.actor {
            conditions.append("actor = ?")
            arguments += [actor]
        }
        if let subjects = filter.subjects {
            conditions.append("subject >= ?")
            arguments += [subjects.lower]
            if let upper = subjects.upper {
                conditions.append("subject < ?")
                arguments += [upper]
            }
        }
        if let times = filter.times {
            conditions.append("at >= ? AND at < ?")
            arguments += [times.from, times.to]
        }
        let sql =
            "SELECT seq, at, actor, action, subject, hash FROM audit_event WHERE \(conditions.joined(separator: " AND ")) ORDER BY seq DESC LIMIT ?"
        let bound = arguments + [limit]
        return try await writer.read { db in
            try Row.fetchAll(db, sql: sql, arguments: bound).map(AuditLog.decode)
        }
    }

    public func checkpoint(chain: EntityID, by actor: String) async throws -> AuditCheckpoint {
        let day = today()
        let head = try await writer.write { [signer] db -> AuditHead? in
            try AuditLog.append([.member(actor, .checkpointWritten)], chain: chain, signer: signer, today: day, db)
            return try AuditLog.head(chain: chain, db)
        }
        guard let head else { throw StoreError.notFound }
        return AuditCheckpoint(head: head, key: signer.publicKey)
    }

    public func auditHead(chain: EntityID) async throws -> AuditHead? {
        try await writer.read { db in try AuditLog.head(chain: chain, db) }
    }

    /// Flushes finished days' reporter events into every chain (the daily job), then returns
    /// each chain's signed head.
    public func flushAndHeads() async throws -> [AuditHead] {
        let day = today()
        return try await writer.write { [signer] db in
            var chains = try Data.fetchAll(db, sql: "SELECT id FROM office ORDER BY position")
            chains += try Data.fetchAll(db, sql: "SELECT id FROM verband")
            var heads: [AuditHead] = []
            for data in chains {
                guard let chain = EntityID(bytes: [UInt8](data)) else { continue }
                try AuditLog.append([], chain: chain, signer: signer, today: day, db)
                if let head = try AuditLog.head(chain: chain, db) {
                    heads.append(head)
                    try db.execute(
                        sql: """
                            INSERT OR IGNORE INTO audit_checkpoint (chain, day, seq, hash, signature) VALUES (?, ?, ?, ?, ?)
                            """, arguments: [data, day.iso, Int64(head.sequence), Data(head.hash), Data(head.signature)])
                }
            }
            return heads
        }
    }

    /// Every chain id: offices first, then the Verband.
    public func chains() async throws -> [EntityID] {
        try await writer.read { db in
            (try Data.fetchAll(db, sql: "SELECT id FROM office ORDER BY position") + (try Data.fetchAll(db, sql: "SELECT id FROM verband")))
                .compactMap { EntityID(bytes: [UInt8]($0)) }
        }
    }

    /// Streams a chain through `body` in order, in pages, without holding it all.
    public func forEachAuditEntry(chain: EntityID, pageSize: Int = 20_000, _ body: (AuditEntry) -> Bool) async throws {
        var next: UInt64 = 0
        while true {
            let from = next
            let page = try await writer.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT seq, at, actor, action, subject, hash FROM audit_event WHERE chain = ? AND seq >= ? ORDER BY seq LIMIT ?
                        """, arguments: [chain, Int64(from), pageSize]
                ).map(AuditLog.decode)
            }
            for entry in page where !body(entry) { return }
            guard let last = page.last, page.count == pageSize else { return }
            next = last.sequence + 1
        }
    }
}
