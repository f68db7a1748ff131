import Casework
import Foundation
import Members
import PostgresNIO
import Sealing
import SichtbarCore

extension PostgresMemberStore {
    public func rotation(officeID: EntityID) async throws -> KeyRotationState? {
        try await database.read { session in
            guard
                let row = try await session.one(
                    "SELECT from_version, to_version, started_at, started_by, failure FROM key_rotation WHERE office_id = \(officeID)")
            else { return nil }
            let toVersion = try row.int("to_version")
            let remaining = try await session.count(
                "SELECT count(*) FROM case_file WHERE office_id = \(officeID) AND office_key_version < \(toVersion)")
            return KeyRotationState(
                officeID: officeID, fromVersion: UInt32(try row.int("from_version")), toVersion: UInt32(toVersion),
                startedAt: Date(timeIntervalSince1970: TimeInterval(try row.int("started_at"))),
                startedBy: try row.string("started_by"), remaining: remaining, failure: try row.optionalString("failure"))
        }
    }

    public func beginRotation(
        officeID: EntityID, from: UInt32, to next: OfficeSecrets, seals: [OfficeKeySeal], manifest: SignedKeyManifest,
        audit event: AuditEvent
    ) async throws {
        try await database.write { session in
            try await session.lock(.chain(officeID))
            guard try await session.count("SELECT count(*) FROM key_rotation WHERE office_id = \(officeID)") == 0 else {
                throw MemberStoreError.rotationRunning
            }
            guard try await session.one("SELECT key_version FROM office WHERE id = \(officeID)")?.int(0) == Int(from),
                next.version == from + 1
            else {
                throw MemberStoreError.rotationRunning
            }
            let memberNames = Set(
                try await session.rows("SELECT id FROM member WHERE office_id = \(officeID)").map { EntityID.hexString(try $0.bytes(0)) }
                    + ["recovery"])
            guard memberNames == Set(seals.map(\.recipient)), seals.allSatisfy({ $0.keyVersion == next.version }) else {
                throw MemberStoreError.membersChanged
            }
            try await PostgresDatabase.insert(seals, officeID: officeID, session)
            try await session.execute(
                """
                UPDATE office SET public_key = \(bytes: next.keyPair.publicKey.bytes), key_version = \(Int(next.version)),
                    rotation_requested = false
                WHERE id = \(officeID)
                """)
            // Pending invitations carry the old secrets; the lead invites again.
            try await session.execute("DELETE FROM invitation WHERE office_id = \(officeID)")
            try await Self.write(manifest, session)
            try await session.execute(
                """
                INSERT INTO key_rotation (office_id, from_version, to_version, started_at, started_by)
                VALUES (\(officeID), \(Int(from)), \(Int(next.version)), \(Int(Date().timeIntervalSince1970)), \(event.actor))
                """)
            try await self.audit(event, chain: officeID, session)
        }
    }

    public func casesToReseal(officeID: EntityID, below version: UInt32, limit: Int) async throws -> [SealedCaseKeys] {
        try await database.read { session in
            try await session.rows(
                """
                SELECT id, office_key_version, sealed_keys FROM case_file
                WHERE office_id = \(officeID) AND office_key_version < \(Int(version))
                ORDER BY office_key_version, id LIMIT \(rows: limit)
                """
            ).compactMap { row in
                guard let id = row.id("id") else { return nil }
                return SealedCaseKeys(
                    caseID: id, keyVersion: UInt32(try row.int("office_key_version")), sealed: try row.bytes("sealed_keys"))
            }
        }
    }

    public func storeResealed(_ cases: [SealedCaseKeys], officeID: EntityID, version: UInt32) async throws {
        guard !cases.isEmpty else { return }
        try await database.write { session in
            try await session.execute(
                """
                UPDATE case_file c SET sealed_keys = r.sealed, office_key_version = \(Int(version)), sealed_to = NULL, key_checked = true
                FROM unnest(\(cases.map { ByteBuffer(bytes: $0.caseID.bytes) })::bytea[], \(cases.map { ByteBuffer(bytes: $0.sealed) })::bytea[],
                            \(cases.map { Int($0.keyVersion) })::bigint[]) AS r(id, sealed, version)
                WHERE c.id = r.id AND c.office_id = \(officeID) AND c.office_key_version = r.version
                """)
        }
    }

    /// Cases remain on an old key version: the rotation's transaction rolls back, old seals kept.
    private struct RotationUnfinished: Error {}

    /// Ends the rotation once no case remains on an old version. The old secrets go first and
    /// the count comes after: a report that intake checked against an old key (holding its seal
    /// `FOR SHARE`) commits before the delete goes on, and is counted; one checked after finds
    /// the old seal gone and is refused.
    public func finishRotation(officeID: EntityID, audit event: AuditEvent) async throws -> Bool {
        do {
            return try await database.write { session in
                try await session.lock(.chain(officeID))
                guard let toVersion = try await session.one("SELECT to_version FROM key_rotation WHERE office_id = \(officeID)")?.int(0)
                else { return true }
                // The statistics ring of the new version holds every older statistics key.
                try await session.execute("DELETE FROM office_key_seal WHERE office_id = \(officeID) AND key_version < \(toVersion)")
                let remaining = try await session.count(
                    "SELECT count(*) FROM case_file WHERE office_id = \(officeID) AND office_key_version < \(toVersion)")
                guard remaining == 0 else { throw RotationUnfinished() }
                try await session.execute("DELETE FROM key_rotation WHERE office_id = \(officeID)")
                try await self.audit(event, chain: officeID, session)
                return true
            }
        } catch is RotationUnfinished {
            return false
        }
    }
}
