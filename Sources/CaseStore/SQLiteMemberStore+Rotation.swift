import Casework
import Foundation
import GRDB
import Members
import Sealing
import SichtbarCore

extension SQLiteMemberStore {
    public func rotation(officeID: EntityID) async throws -> KeyRotationState? {
        try await writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT from_version, to_version, started_at, started_by, failure FROM key_rotation WHERE office_id = ?
                        """, arguments: [officeID])
            else { return nil }
            let toVersion = row["to_version"] as Int64
            let remaining =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM case_file WHERE office_id = ? AND office_key_version < ?
                        """, arguments: [officeID, toVersion]) ?? 0
            return KeyRotationState(
                officeID: officeID, fromVersion: UInt32(row["from_version"] as Int64),
                toVersion: UInt32(toVersion),
                startedAt: Date(timeIntervalSince1970: TimeInterval(row["started_at"] as Int64)),
                startedBy: row["started_by"], remaining: remaining, failure: row["failure"])
        }
    }

    public func beginRotation(
        officeID: EntityID, from: UInt32, to next: OfficeSecrets, seals: [OfficeKeySeal],
        manifest: SignedKeyManifest, audit event: AuditEvent
    ) async throws {
        try await writer.write { db in
            let officeData = officeID
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM key_rotation WHERE office_id = ?", arguments: [officeData]) == 0 else {
                throw MemberStoreError.rotationRunning
            }
            guard try Int64.fetchOne(db, sql: "SELECT key_version FROM office WHERE id = ?", arguments: [officeData]) == Int64(from),
                next.version == from + 1
            else {
                throw MemberStoreError.rotationRunning
            }
            let memberNames = Set(
                try Data.fetchAll(db, sql: "SELECT id FROM member WHERE office_id = ?", arguments: [officeData])
                    .map { EntityID.hexString([UInt8]($0)) } + ["recovery"])
            let sealNames = Set(seals.map(\.recipient))
            guard memberNames == sealNames, seals.allSatisfy({ $0.keyVersion == next.version }) else {
                throw MemberStoreError.membersChanged
            }
            try AppDatabase.insert(seals, officeID: officeID, db)
            try db.execute(
                sql: "UPDATE office SET public_key = ?, key_version = ? WHERE id = ?",
                arguments: [Data(next.keyPair.publicKey.bytes), Int64(next.version), officeData])
            // Pending invitations carry the old secrets; the lead invites again.
            try db.execute(sql: "DELETE FROM invitation WHERE office_id = ?", arguments: [officeData])
            try db.execute(sql: "UPDATE office SET rotation_requested = 0 WHERE id = ?", arguments: [officeData])
            try Self.write(manifest, db)
            try db.execute(
                sql: """
                    INSERT INTO key_rotation (office_id, from_version, to_version, started_at, started_by) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [officeData, Int64(from), Int64(next.version), Int64(Date().timeIntervalSince1970), event.actor])
            try self.audit(event, chain: officeID, db)
        }
    }

    public func casesToReseal(officeID: EntityID, below version: UInt32, limit: Int) async throws -> [SealedCaseKeys] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, office_key_version, sealed_keys FROM case_file WHERE office_id = ? AND office_key_version < ? LIMIT ?
                    """, arguments: [officeID, Int64(version), limit]
            ).compactMap { row in
                guard let id = row.entityID("id") else { return nil }
                return SealedCaseKeys(
                    caseID: id, keyVersion: UInt32(row["office_key_version"] as Int64),
                    sealed: [UInt8](row["sealed_keys"] as Data))
            }
        }
    }

    public func storeResealed(_ cases: [SealedCaseKeys], officeID: EntityID, version: UInt32) async throws {
        try await writer.write { db in
            let update = try db.cachedStatement(
                sql: """
                    UPDATE case_file SET sealed_keys = ?, office_key_version = ?, sealed_to = NULL, key_checked = 1 WHERE id = ? AND office_id = ? AND office_key_version = ?
                    """)
            for sealed in cases {
                try update.execute(arguments: [
                    Data(sealed.sealed), Int64(version), sealed.caseID,
                    officeID, Int64(sealed.keyVersion),
                ])
            }
        }
    }

    public func finishRotation(officeID: EntityID, audit event: AuditEvent) async throws -> Bool {
        let finished = try await writer.write { db -> Bool in
            let officeData = officeID
            guard
                let toVersion = try Int64.fetchOne(
                    db, sql: "SELECT to_version FROM key_rotation WHERE office_id = ?",
                    arguments: [officeData])
            else { return true }
            let remaining =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM case_file WHERE office_id = ? AND office_key_version < ?",
                    arguments: [officeData, toVersion]) ?? 0
            guard remaining == 0 else { return false }
            // The statistics ring of the new version holds every older statistics key.
            try db.execute(sql: "DELETE FROM office_key_seal WHERE office_id = ? AND key_version < ?", arguments: [officeData, toVersion])
            try db.execute(sql: "DELETE FROM key_rotation WHERE office_id = ?", arguments: [officeData])
            try self.audit(event, chain: officeID, db)
            return true
        }
        if finished { await database.checkpoint() }
        return finished
    }
}
