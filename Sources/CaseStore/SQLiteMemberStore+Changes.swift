import Casework
import Foundation
import GRDB
import Intake
import Members
import Sealing
import SichtbarCore

extension SQLiteMemberStore {
    public func invitation(tokenHash: [UInt8]) async throws -> StoredInvitation? {
        try await writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT token_hash, office_id, role, expires_at, wrapped_secrets FROM invitation WHERE token_hash = ?",
                arguments: [Data(tokenHash)]
            ).flatMap(Self.decodeInvitation)
        }
    }

    public func pendingInvitations(officeID: EntityID?, now: Date) async throws -> [StoredInvitation] {
        try await writer.read { db in
            let sql =
                "SELECT token_hash, office_id, role, expires_at, wrapped_secrets FROM invitation WHERE "
                + (officeID == nil ? "office_id IS NULL" : "office_id = ?") + " AND expires_at > ? ORDER BY expires_at"
            let arguments: StatementArguments =
                officeID.map { [$0.databaseValue, Int64(now.timeIntervalSince1970)] }
                ?? [Int64(now.timeIntervalSince1970)]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap(Self.decodeInvitation)
        }
    }

    static func decodeInvitation(_ row: Row) -> StoredInvitation? {
        guard let role = MemberRole(rawValue: row["role"]) else { return nil }
        return StoredInvitation(
            tokenHash: [UInt8](row["token_hash"] as Data),
            officeID: row.entityID("office_id"),
            role: role, expiresAt: Date(timeIntervalSince1970: TimeInterval(row["expires_at"] as Int64)),
            wrappedSecrets: [UInt8](row["wrapped_secrets"] as Data))
    }

    public func createInvitation(
        _ invitation: Invitation, officeID: EntityID?, role: MemberRole, createdBy: EntityID,
        audit event: AuditEvent
    ) async throws {
        let chain = try await chain(officeID)
        try await writer.write { db in
            // The creator must still be a member with the right to invite: a removal or demotion
            // meanwhile leaves no invitation behind.
            let creatorRole = try String.fetchOne(db, sql: "SELECT role FROM member WHERE id = ?", arguments: [createdBy])
            guard creatorRole == "lead" || creatorRole == "analyst" else { throw MemberStoreError.membersChanged }
            try db.execute(
                sql: """
                    INSERT INTO invitation (token_hash, office_id, role, expires_at, wrapped_secrets, created_by) VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    Data(invitation.tokenHash), officeID, role.rawValue,
                    Int64(invitation.expiresAt.timeIntervalSince1970), Data(invitation.wrappedSecrets),
                    createdBy,
                ])
            try self.audit(event, chain: chain, db)
        }
    }

    public func revokeInvitation(reference: String, officeID: EntityID?, audit event: AuditEvent) async throws -> Bool {
        let chain = try await chain(officeID)
        let pending = try await pendingInvitations(officeID: officeID, now: .distantPast)
        guard let match = pending.first(where: { $0.reference == reference }) else { return false }
        return try await writer.write { db in
            try db.execute(sql: "DELETE FROM invitation WHERE token_hash = ?", arguments: [Data(match.tokenHash)])
            guard db.changesCount == 1 else { return false }
            try self.audit(event, chain: chain, db)
            return true
        }
    }

    /// The chain of an office, or the Verband's for nil.
    func chain(_ officeID: EntityID?) async throws -> EntityID {
        if let officeID { return officeID }
        guard let verband = try await verband() else { throw MemberStoreError.invitationUnusable }
        return verband.id
    }

    public func enrol(
        _ member: Member, invitationHash: [UInt8], now: Date, officeSeals: [OfficeKeySeal],
        verbandSeal: [UInt8]?, manifest: SignedKeyManifest?, audit event: AuditEvent
    ) async throws {
        let chain = try await chain(member.officeID)
        try await writer.write { db in
            try db.execute(
                sql: "DELETE FROM invitation WHERE token_hash = ? AND expires_at > ?",
                arguments: [Data(invitationHash), Int64(now.timeIntervalSince1970)])
            guard db.changesCount == 1 else { throw MemberStoreError.invitationUnusable }
            guard try MemberRow.one(db, username: member.username) == nil else { throw MemberStoreError.usernameTaken }
            if let officeID = member.officeID {
                let version = try Int64.fetchOne(db, sql: "SELECT key_version FROM office WHERE id = ?", arguments: [officeID])
                guard let version, officeSeals.allSatisfy({ Int64($0.keyVersion) == version }) else {
                    throw MemberStoreError.keyVersionChanged
                }
            }
            try MemberRow.insert(member, db)
            if let officeID = member.officeID { try AppDatabase.insert(officeSeals, officeID: officeID, db) }
            if let verbandSeal {
                try db.execute(
                    sql: "INSERT INTO verband_key_seal (member_id, sealed) VALUES (?, ?)",
                    arguments: [member.id, Data(verbandSeal)])
            }
            if let manifest {
                if member.officeID == nil { try Self.writeVerband(manifest, db) } else { try Self.write(manifest, db) }
            }
            try self.audit(event, chain: chain, db)
        }
    }

    public func removeMember(_ member: Member, manifest: SignedKeyManifest?, audit event: AuditEvent) async throws {
        let chain = try await chain(member.officeID)
        try await writer.write { db in
            if member.role == .lead, let officeID = member.officeID, try MemberRow.leadCount(db, officeID: officeID) <= 1 {
                throw MemberStoreError.lastLead
            }
            if member.role == .analyst, try MemberRow.all(db, officeID: nil).count <= 1 {
                throw MemberStoreError.lastAnalyst
            }
            try db.execute(sql: "DELETE FROM office_key_seal WHERE recipient = ?", arguments: [member.id.hex])
            try db.execute(sql: "DELETE FROM invitation WHERE created_by = ?", arguments: [member.id])
            try db.execute(sql: "DELETE FROM member WHERE id = ?", arguments: [member.id])
            // Removed meanwhile (another lead was quicker): nothing to record, nothing to change.
            guard db.changesCount == 1 else { throw MemberStoreError.membersChanged }
            if let manifest { try Self.write(manifest, db) }
            try self.audit(event, chain: chain, db)
        }
    }

    public func changeRole(_ member: Member, to role: MemberRole, manifest: SignedKeyManifest?, audit event: AuditEvent) async throws {
        let chain = try await chain(member.officeID)
        try await writer.write { db in
            if member.role == .lead, role != .lead, let officeID = member.officeID,
                try MemberRow.leadCount(db, officeID: officeID) <= 1
            {
                throw MemberStoreError.lastLead
            }
            try db.execute(sql: "UPDATE member SET role = ? WHERE id = ?", arguments: [role.rawValue, member.id])
            guard db.changesCount == 1 else { throw MemberStoreError.membersChanged }
            if role != .lead {
                try db.execute(sql: "DELETE FROM invitation WHERE created_by = ?", arguments: [member.id])
            }
            if let manifest { try Self.write(manifest, db) }
            try self.audit(event, chain: chain, db)
        }
    }

    public func replaceKeys(of member: Member, officeSeals: [OfficeKeySeal], manifest: SignedKeyManifest?, audit event: AuditEvent)
        async throws
    {
        let chain = try await chain(member.officeID)
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE member SET role = ?, public_key = ?, wrapped_secret = ? WHERE id = ?",
                arguments: [
                    member.role.rawValue, Data(member.publicKey.bytes), try MemberRow.wrapJSON(member),
                    member.id,
                ])
            guard db.changesCount == 1 else { throw StoreError.notFound }
            if !officeSeals.isEmpty, let officeID = member.officeID {
                try db.execute(sql: "DELETE FROM office_key_seal WHERE recipient = ?", arguments: [member.id.hex])
                try AppDatabase.insert(officeSeals, officeID: officeID, db)
            }
            if let manifest { try Self.write(manifest, db) }
            try self.audit(event, chain: chain, db)
        }
    }

    public func addRecoveredLead(
        _ member: Member, officeSeals: [OfficeKeySeal], manifest: SignedKeyManifest,
        audit event: AuditEvent
    ) async throws {
        guard let officeID = member.officeID else { throw StoreError.notFound }
        try await writer.write { db in
            guard try MemberRow.one(db, username: member.username) == nil else { throw MemberStoreError.usernameTaken }
            try MemberRow.insert(member, db)
            try AppDatabase.insert(officeSeals, officeID: officeID, db)
            try Self.write(manifest, db)
            try self.audit(event, chain: officeID, db)
        }
    }

    public func createVerband(
        _ verband: Verband, analyst: Member, seal: [UInt8], manifest: SignedKeyManifest,
        audit event: AuditEvent
    ) async throws {
        try await writer.write { db in
            guard try Self.verband(db) == nil else { throw MemberStoreError.membersChanged }
            guard try MemberRow.one(db, username: analyst.username) == nil else { throw MemberStoreError.usernameTaken }
            try db.execute(
                sql: "INSERT INTO verband (id, name, public_key) VALUES (?, ?, ?)",
                arguments: [verband.id, verband.name, Data(verband.publicKey.bytes)])
            try MemberRow.insert(analyst, db)
            try db.execute(
                sql: "INSERT INTO verband_key_seal (member_id, sealed) VALUES (?, ?)",
                arguments: [analyst.id, Data(seal)])
            try Self.writeVerband(manifest, db)
            try self.audit(event, chain: verband.id, db)
        }
    }

    public func replaceRecoveryKey(
        officeID: EntityID, recoveryKey: BoxPublicKey, seals: [OfficeKeySeal],
        manifest: SignedKeyManifest, audit event: AuditEvent
    ) async throws {
        try await writer.write { db in
            let officeData = officeID
            guard
                try Int64.fetchOne(db, sql: "SELECT key_version FROM office WHERE id = ?", arguments: [officeData])
                    == Int64(manifest.manifest.keyVersion),
                seals.allSatisfy({ $0.keyVersion == manifest.manifest.keyVersion && $0.recipient == "recovery" })
            else { throw MemberStoreError.keyVersionChanged }
            // The old recovery code opens nothing of any version from now on.
            try db.execute(sql: "DELETE FROM office_key_seal WHERE office_id = ? AND recipient = 'recovery'", arguments: [officeData])
            try AppDatabase.insert(seals, officeID: officeID, db)
            try db.execute(sql: "UPDATE office SET recovery_public_key = ? WHERE id = ?", arguments: [Data(recoveryKey.bytes), officeData])
            try Self.write(manifest, db)
            try self.audit(event, chain: officeID, db)
        }
    }
}
