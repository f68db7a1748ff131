import Casework
import Foundation
import GRDB
import Members
import Sealing
import SichtbarCore

extension SQLiteMemberStore {
    public func keyManifest(officeID: EntityID) async throws -> StoredKeyManifest {
        try await writer.read { db in try Self.keyManifest(officeID: officeID, db) }
    }

    static func keyManifest(officeID: EntityID, _ db: Database) throws -> StoredKeyManifest {
        storedManifest(
            try Row.fetchOne(
                db, sql: "SELECT body, tag FROM key_manifest WHERE office_id = ?",
                arguments: [officeID]))
    }

    /// A `body, tag` row of `key_manifest` or `verband_manifest` as read: none, unreadable, or
    /// present (authenticity is the caller's check).
    static func storedManifest(_ row: Row?) -> StoredKeyManifest {
        guard let row else { return .missing }
        guard let manifest = KeyManifest(canonicalBytes: [UInt8](row["body"] as Data)) else { return .unreadable }
        return .present(SignedKeyManifest(manifest: manifest, tag: [UInt8](row["tag"] as Data)))
    }

    public func storeManifest(_ signed: SignedKeyManifest, audit event: AuditEvent) async throws {
        try await writer.write { db in
            try Self.write(signed, db)
            try self.audit(event, chain: signed.manifest.officeID, db)
        }
    }

    /// Writes a manifest in the caller's transaction after checking that it describes the rows
    /// as they are now: a change made meanwhile (a member enrolled, a rotation) makes the
    /// caller read again and retry rather than tag a stale picture.
    static func write(_ signed: SignedKeyManifest, _ db: Database) throws {
        let manifest = signed.manifest
        let officeData = manifest.officeID
        guard
            let office = try Row.fetchOne(
                db, sql: "SELECT public_key, key_version, recovery_public_key FROM office WHERE id = ?",
                arguments: [officeData]),
            [UInt8](office["public_key"] as Data) == manifest.officePublicKey.bytes,
            office["key_version"] as Int64 == Int64(manifest.keyVersion),
            [UInt8](office["recovery_public_key"] as Data) == manifest.recoveryPublicKey.bytes
        else {
            throw MemberStoreError.membersChanged
        }
        let rows = try MemberRow.all(db, officeID: manifest.officeID).map(KeyManifest.Entry.init)
        guard manifest.with(members: rows) == manifest else { throw MemberStoreError.membersChanged }
        try db.execute(
            sql: """
                INSERT INTO key_manifest (office_id, key_version, body, tag) VALUES (?, ?, ?, ?)
                ON CONFLICT (office_id) DO UPDATE SET key_version = excluded.key_version, body = excluded.body, tag = excluded.tag
                """, arguments: [officeData, Int64(manifest.keyVersion), Data(manifest.canonicalBytes), Data(signed.tag)])
    }

    public func uncheckedCaseKeys(officeID: EntityID, limit: Int) async throws -> [CaseKeyFingerprint] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, office_key_version, sealed_to FROM case_file WHERE office_id = ? AND key_checked = 0 LIMIT ?
                    """, arguments: [officeID, limit]
            ).compactMap { row in
                guard let id = row.entityID("id") else { return nil }
                return CaseKeyFingerprint(
                    caseID: id, keyVersion: UInt32(row["office_key_version"] as Int64),
                    sealedTo: (row["sealed_to"] as Data?).map { [UInt8]($0) })
            }
        }
    }

    public func markCaseKeysChecked(_ caseIDs: [EntityID], officeID: EntityID, alarms: [AuditEvent]) async throws {
        try await writer.write { db in
            let update = try db.cachedStatement(sql: "UPDATE case_file SET key_checked = 1 WHERE id = ? AND office_id = ?")
            for id in caseIDs { try update.execute(arguments: [id, officeID]) }
            if !alarms.isEmpty { try AuditLog.append(alarms, chain: officeID, signer: self.signer, today: self.today(), db) }
        }
    }

    public func requestRotation(officeID: EntityID) async throws {
        try await writer.write { db in
            try db.execute(sql: "UPDATE office SET rotation_requested = 1 WHERE id = ?", arguments: [officeID])
        }
    }

    public func rotationRequested(officeID: EntityID) async throws -> Bool {
        try await writer.read { db in
            try Int.fetchOne(db, sql: "SELECT rotation_requested FROM office WHERE id = ?", arguments: [officeID]) == 1
        }
    }

    public func recordRotationFailure(officeID: EntityID, reason: String) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE key_rotation SET failure = ?, failed_at = ? WHERE office_id = ?",
                arguments: [reason, Int64(Date().timeIntervalSince1970), officeID])
        }
    }
}
