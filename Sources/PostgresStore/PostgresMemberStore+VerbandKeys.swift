import Casework
import Foundation
import Members
import Sealing
import SichtbarCore

extension PostgresMemberStore {
    public func verbandManifest() async throws -> StoredKeyManifest {
        try await database.read { session in
            try Self.storedManifest(try await session.one("SELECT body, tag FROM verband_manifest LIMIT 1"))
        }
    }

    /// Writes the Verband's manifest after checking it describes the rows as they are now; the
    /// caller holds the Verband's lock.
    static func writeVerband(_ signed: SignedKeyManifest, _ session: PostgresSession) async throws {
        let manifest = signed.manifest
        guard let verband = try await verband(session), verband.id == manifest.officeID, verband.publicKey == manifest.officePublicKey
        else {
            throw MemberStoreError.membersChanged
        }
        let rows = try await MemberRow.all(session, officeID: nil).map(KeyManifest.Entry.init)
        guard manifest.with(members: rows) == manifest else { throw MemberStoreError.membersChanged }
        try await session.execute(
            """
            INSERT INTO verband_manifest (verband_id, key_version, body, tag)
            VALUES (\(manifest.officeID), \(Int(manifest.keyVersion)), \(bytes: manifest.canonicalBytes), \(bytes: signed.tag))
            ON CONFLICT (verband_id) DO UPDATE SET key_version = excluded.key_version, body = excluded.body, tag = excluded.tag
            """)
    }

    public func rotateVerband(
        from version: UInt32, publicKey: BoxPublicKey, seals: [EntityID: [UInt8]], removing: EntityID?, manifest: SignedKeyManifest,
        audit events: [AuditEvent]
    ) async throws {
        try await database.write { session in
            try await session.lock(.verband)
            guard let verband = try await Self.verband(session),
                try await session.one("SELECT key_version FROM verband_manifest")?.int(0) == Int(version)
            else {
                throw MemberStoreError.membersChanged
            }
            if let removing {
                guard try await MemberRow.all(session, officeID: nil).count > 1 else { throw MemberStoreError.lastAnalyst }
                try await session.execute("DELETE FROM invitation WHERE created_by = \(removing)")
                guard try await session.changes("DELETE FROM member WHERE id = \(removing) AND office_id IS NULL RETURNING 1") == 1 else {
                    throw MemberStoreError.membersChanged
                }
            }
            let analysts = Set(try await MemberRow.all(session, officeID: nil).map(\.id))
            guard analysts == Set(seals.keys) else { throw MemberStoreError.membersChanged }
            try await session.execute("UPDATE verband SET public_key = \(bytes: publicKey.bytes) WHERE id = \(verband.id)")
            try await session.execute("DELETE FROM verband_key_seal")
            for (memberID, sealed) in seals {
                try await session.execute("INSERT INTO verband_key_seal (member_id, sealed) VALUES (\(memberID), \(bytes: sealed))")
            }
            // Invitations carry the old ring: the analysts invite again.
            try await session.execute("DELETE FROM invitation WHERE office_id IS NULL")
            try await Self.writeVerband(manifest, session)
            try await self.audit(events, chain: verband.id, session)
        }
    }

    public func storeVerbandManifest(_ signed: SignedKeyManifest, audit event: AuditEvent) async throws {
        try await database.write { session in
            try await session.lock(.verband)
            try await Self.writeVerband(signed, session)
            try await self.audit(event, chain: signed.manifest.officeID, session)
        }
    }
}
