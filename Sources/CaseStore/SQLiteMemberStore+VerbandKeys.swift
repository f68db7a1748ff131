import Casework
import Foundation
import GRDB
import Members
import Sealing
import SichtbarCore

extension SQLiteMemberStore {
    public func verbandManifest() async throws -> StoredKeyManifest {
        try await writer.read { db in
            Self.storedManifest(try Row.fetchOne(db, sql: "SELECT body, tag FROM verband_manifest LIMIT 1"))
        }
    }

    /// Writes the Verband's manifest after checking it describes the rows as they are now.
    static func writeVerband(_ signed: SignedKeyManifest, _ db: Database) throws {
        let manifest = signed.manifest
        guard let verband = try verband(db), verband.id == manifest.officeID, verband.publicKey == manifest.officePublicKey else {
            throw MemberStoreError.membersChanged
        }
        let rows = try MemberRow.all(db, officeID: nil).map(KeyManifest.Entry.init)
        guard manifest.with(members: rows) == manifest else { throw MemberStoreError.membersChanged }
        try db.execute(
            sql: """
                INSERT INTO verband_manifest (verband_id, key_version, body, tag) VALUES (?, ?, ?, ?)
                ON CONFLICT (verband_id) DO UPDATE SET key_version = excluded.key_version, body = excluded.body, tag = excluded.tag
                """,
            arguments: [manifest.officeID, Int64(manifest.keyVersion), Data(manifest.canonicalBytes), Data(signed.tag)])
    }

    public func rotateVerband(
        from version: UInt32, publicKey: BoxPublicKey, seals: [EntityID: [UInt8]], removing: EntityID?,
        manifest: SignedKeyManifest, audit events: [AuditEvent]
    ) async throws {
        try await writer.write { db in
            guard let verband = try Self.verband(db),
                try Int64.fetchOne(db, sql: "SELECT key_version FROM verband_manifest") == Int64(version)
            else {
                throw MemberStoreError.membersChanged
            }
            if let removing {
                guard try MemberRow.all(db, officeID: nil).count > 1 else { throw MemberStoreError.lastAnalyst }
                try db.execute(sql: "DELETE FROM invitation WHERE created_by = ?", arguments: [removing])
                try db.execute(sql: "DELETE FROM member WHERE id = ? AND office_id IS NULL", arguments: [removing])
                guard db.changesCount == 1 else { throw MemberStoreError.membersChanged }
            }
            let analysts = Set(try MemberRow.all(db, officeID: nil).map(\.id))
            guard analysts == Set(seals.keys) else { throw MemberStoreError.membersChanged }
            try db.execute(
                sql: "UPDATE verband SET public_key = ? WHERE id = ?", arguments: [Data(publicKey.bytes), verband.id])
            try db.execute(sql: "DELETE FROM verband_key_seal")
            for (memberID, sealed) in seals {
                try db.execute(
                    sql: "INSERT INTO verband_key_seal (member_id, sealed) VALUES (?, ?)",
                    arguments: [memberID, Data(sealed)])
            }
            // Invitations carry the old ring: the analysts invite again.
            try db.execute(sql: "DELETE FROM invitation WHERE office_id IS NULL")
            try Self.writeVerband(manifest, db)
            try AuditLog.append(events, chain: verband.id, signer: self.signer, today: self.today(), db)
        }
    }

    public func storeVerbandManifest(_ signed: SignedKeyManifest, audit event: AuditEvent) async throws {
        try await writer.write { db in
            try Self.writeVerband(signed, db)
            try self.audit(event, chain: signed.manifest.officeID, db)
        }
    }
}
