import Casework
import Foundation
import Members
import PostgresNIO
import Sealing
import SichtbarCore

extension PostgresMemberStore {
    public func keyManifest(officeID: EntityID) async throws -> StoredKeyManifest {
        try await database.read { session in try await Self.keyManifest(officeID: officeID, session) }
    }

    static func keyManifest(officeID: EntityID, _ session: PostgresSession) async throws -> StoredKeyManifest {
        try storedManifest(try await session.one("SELECT body, tag FROM key_manifest WHERE office_id = \(officeID)"))
    }

    /// A `body, tag` row of `key_manifest` or `verband_manifest` as read: none, unreadable, or
    /// present (authenticity is the caller's check).
    static func storedManifest(_ row: PostgresColumns?) throws -> StoredKeyManifest {
        guard let row else { return .missing }
        guard let manifest = KeyManifest(canonicalBytes: try row.bytes("body")) else { return .unreadable }
        return .present(SignedKeyManifest(manifest: manifest, tag: try row.bytes("tag")))
    }

    public func storeManifest(_ signed: SignedKeyManifest, audit event: AuditEvent) async throws {
        try await database.write { session in
            try await session.lock(.chain(signed.manifest.officeID))
            try await Self.write(signed, session)
            try await self.audit(event, chain: signed.manifest.officeID, session)
        }
    }

    /// Writes a manifest in the caller's transaction after checking that it describes the rows
    /// as they are now: a change made meanwhile (a member enrolled, a rotation) makes the caller
    /// read again and retry rather than tag a stale picture. The caller holds the office's lock.
    static func write(_ signed: SignedKeyManifest, _ session: PostgresSession) async throws {
        let manifest = signed.manifest
        guard
            let office = try await session.one(
                "SELECT public_key, key_version, recovery_public_key FROM office WHERE id = \(manifest.officeID)"),
            try office.bytes("public_key") == manifest.officePublicKey.bytes,
            try office.int("key_version") == Int(manifest.keyVersion),
            try office.bytes("recovery_public_key") == manifest.recoveryPublicKey.bytes
        else {
            throw MemberStoreError.membersChanged
        }
        let rows = try await MemberRow.all(session, officeID: manifest.officeID).map(KeyManifest.Entry.init)
        guard manifest.with(members: rows) == manifest else { throw MemberStoreError.membersChanged }
        try await session.execute(
            """
            INSERT INTO key_manifest (office_id, key_version, body, tag)
            VALUES (\(manifest.officeID), \(Int(manifest.keyVersion)), \(bytes: manifest.canonicalBytes), \(bytes: signed.tag))
            ON CONFLICT (office_id) DO UPDATE SET key_version = excluded.key_version, body = excluded.body, tag = excluded.tag
            """)
    }

    public func uncheckedCaseKeys(officeID: EntityID, limit: Int) async throws -> [CaseKeyFingerprint] {
        try await database.read { session in
            try await session.rows(
                """
                SELECT id, office_key_version, sealed_to FROM case_file WHERE office_id = \(officeID) AND NOT key_checked
                ORDER BY id LIMIT \(rows: limit)
                """
            ).compactMap { row in
                guard let id = row.id("id") else { return nil }
                return CaseKeyFingerprint(
                    caseID: id, keyVersion: UInt32(try row.int("office_key_version")), sealedTo: try row.optionalBytes("sealed_to"))
            }
        }
    }

    public func markCaseKeysChecked(_ caseIDs: [EntityID], officeID: EntityID, alarms: [AuditEvent]) async throws {
        try await database.write { session in
            try await session.execute(
                "UPDATE case_file SET key_checked = true WHERE id = ANY(\(ids: caseIDs)) AND office_id = \(officeID)")
            if !alarms.isEmpty { try await self.audit(alarms, chain: officeID, session) }
        }
    }

    public func requestRotation(officeID: EntityID) async throws {
        try await database.write { session in
            try await session.execute("UPDATE office SET rotation_requested = true WHERE id = \(officeID)")
        }
    }

    public func rotationRequested(officeID: EntityID) async throws -> Bool {
        try await database.read { session in
            try await session.one("SELECT rotation_requested FROM office WHERE id = \(officeID)")?.bool(0) ?? false
        }
    }

    public func recordRotationFailure(officeID: EntityID, reason: String) async throws {
        try await database.write { session in
            try await session.execute(
                """
                UPDATE key_rotation SET failure = \(reason), failed_at = \(Int(Date().timeIntervalSince1970)) WHERE office_id = \(officeID)
                """)
        }
    }
}
