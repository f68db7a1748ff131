import Casework
import Foundation
import Intake
import Members
import Sealing
import SichtbarCore

extension PostgresMemberStore {
    public func invitation(tokenHash: [UInt8]) async throws -> StoredInvitation? {
        try await database.read { session in
            try await session.one(
                "SELECT token_hash, office_id, role, expires_at, wrapped_secrets FROM invitation WHERE token_hash = \(bytes: tokenHash)"
            ).flatMap(Self.decodeInvitation)
        }
    }

    public func pendingInvitations(officeID: EntityID?, now: Date) async throws -> [StoredInvitation] {
        let seconds = Int(now.timeIntervalSince1970)
        return try await database.read { session in
            let rows: [PostgresColumns]
            if let officeID {
                rows = try await session.rows(
                    """
                    SELECT token_hash, office_id, role, expires_at, wrapped_secrets FROM invitation
                    WHERE office_id = \(officeID) AND expires_at > \(seconds) ORDER BY expires_at
                    """)
            } else {
                rows = try await session.rows(
                    """
                    SELECT token_hash, office_id, role, expires_at, wrapped_secrets FROM invitation
                    WHERE office_id IS NULL AND expires_at > \(seconds) ORDER BY expires_at
                    """)
            }
            return try rows.compactMap(Self.decodeInvitation)
        }
    }

    static func decodeInvitation(_ row: PostgresColumns) throws -> StoredInvitation? {
        guard let role = MemberRole(rawValue: try row.string("role")) else { return nil }
        return StoredInvitation(
            tokenHash: try row.bytes("token_hash"), officeID: row.id("office_id"), role: role,
            expiresAt: Date(timeIntervalSince1970: TimeInterval(try row.int("expires_at"))),
            wrappedSecrets: try row.bytes("wrapped_secrets"))
    }

    public func createInvitation(
        _ invitation: Invitation, officeID: EntityID?, role: MemberRole, createdBy: EntityID, audit event: AuditEvent
    ) async throws {
        let chain = try await chain(officeID)
        try await database.write { session in
            try await session.lock(Self.scope(officeID))
            // The creator must still be a member with the right to invite: a removal or demotion
            // meanwhile leaves no invitation behind.
            let creatorRole = try await session.one("SELECT role FROM member WHERE id = \(createdBy)")?.string(0)
            guard creatorRole == "lead" || creatorRole == "analyst" else { throw MemberStoreError.membersChanged }
            try await session.execute(
                """
                INSERT INTO invitation (token_hash, office_id, role, expires_at, wrapped_secrets, created_by)
                VALUES (\(bytes: invitation.tokenHash), \(officeID), \(role.rawValue), \(Int(invitation.expiresAt.timeIntervalSince1970)),
                        \(bytes: invitation.wrappedSecrets), \(createdBy))
                """)
            try await self.audit(event, chain: chain, session)
        }
    }

    public func revokeInvitation(reference: String, officeID: EntityID?, audit event: AuditEvent) async throws -> Bool {
        let chain = try await chain(officeID)
        let pending = try await pendingInvitations(officeID: officeID, now: .distantPast)
        guard let match = pending.first(where: { $0.reference == reference }) else { return false }
        return try await database.write { session in
            guard try await session.changes("DELETE FROM invitation WHERE token_hash = \(bytes: match.tokenHash) RETURNING 1") == 1 else {
                return false
            }
            try await self.audit(event, chain: chain, session)
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
        _ member: Member, invitationHash: [UInt8], now: Date, officeSeals: [OfficeKeySeal], verbandSeal: [UInt8]?,
        manifest: SignedKeyManifest?, audit event: AuditEvent
    ) async throws {
        let chain = try await chain(member.officeID)
        try await database.write { session in
            try await session.lock(Self.scope(member.officeID))
            let consumed = try await session.changes(
                """
                DELETE FROM invitation WHERE token_hash = \(bytes: invitationHash) AND expires_at > \(Int(now.timeIntervalSince1970))
                RETURNING 1
                """)
            guard consumed == 1 else { throw MemberStoreError.invitationUnusable }
            guard try await MemberRow.one(session, username: member.username) == nil else { throw MemberStoreError.usernameTaken }
            if let officeID = member.officeID {
                let version = try await session.one("SELECT key_version FROM office WHERE id = \(officeID)")?.int(0)
                guard let version, officeSeals.allSatisfy({ Int($0.keyVersion) == version }) else {
                    throw MemberStoreError.keyVersionChanged
                }
            }
            try await MemberRow.insert(member, session)
            if let officeID = member.officeID { try await PostgresDatabase.insert(officeSeals, officeID: officeID, session) }
            if let verbandSeal {
                try await session.execute("INSERT INTO verband_key_seal (member_id, sealed) VALUES (\(member.id), \(bytes: verbandSeal))")
            }
            if let manifest {
                if member.officeID == nil {
                    try await Self.writeVerband(manifest, session)
                } else {
                    try await Self.write(manifest, session)
                }
            }
            try await self.audit(event, chain: chain, session)
        }
    }

    public func removeMember(_ member: Member, manifest: SignedKeyManifest?, audit event: AuditEvent) async throws {
        let chain = try await chain(member.officeID)
        try await database.write { session in
            try await session.lock(Self.scope(member.officeID))
            if member.role == .lead, let officeID = member.officeID, try await MemberRow.leadCount(session, officeID: officeID) <= 1 {
                throw MemberStoreError.lastLead
            }
            if member.role == .analyst, try await MemberRow.all(session, officeID: nil).count <= 1 {
                throw MemberStoreError.lastAnalyst
            }
            try await session.execute("DELETE FROM office_key_seal WHERE recipient = \(member.id.hex)")
            try await session.execute("DELETE FROM invitation WHERE created_by = \(member.id)")
            // Removed meanwhile (another lead was quicker): nothing to record, nothing to change.
            guard try await session.changes("DELETE FROM member WHERE id = \(member.id) RETURNING 1") == 1 else {
                throw MemberStoreError.membersChanged
            }
            if let manifest { try await Self.write(manifest, session) }
            try await self.audit(event, chain: chain, session)
        }
    }

    public func changeRole(_ member: Member, to role: MemberRole, manifest: SignedKeyManifest?, audit event: AuditEvent) async throws {
        let chain = try await chain(member.officeID)
        try await database.write { session in
            try await session.lock(Self.scope(member.officeID))
            if member.role == .lead, role != .lead, let officeID = member.officeID,
                try await MemberRow.leadCount(session, officeID: officeID) <= 1
            {
                throw MemberStoreError.lastLead
            }
            guard try await session.changes("UPDATE member SET role = \(role.rawValue) WHERE id = \(member.id) RETURNING 1") == 1 else {
                throw MemberStoreError.membersChanged
            }
            if role != .lead {
                try await session.execute("DELETE FROM invitation WHERE created_by = \(member.id)")
            }
            if let manifest { try await Self.write(manifest, session) }
            try await self.audit(event, chain: chain, session)
        }
    }

    public func replaceKeys(of member: Member, officeSeals: [OfficeKeySeal], manifest: SignedKeyManifest?, audit event: AuditEvent)
        async throws
    {
        let chain = try await chain(member.officeID)
        try await database.write { session in
            try await session.lock(Self.scope(member.officeID))
            let changed = try await session.changes(
                """
                UPDATE member SET role = \(member.role.rawValue), public_key = \(bytes: member.publicKey.bytes),
                    wrapped_secret = \(try MemberRow.wrapJSON(member))
                WHERE id = \(member.id) RETURNING 1
                """)
            guard changed == 1 else { throw StoreError.notFound }
            if !officeSeals.isEmpty, let officeID = member.officeID {
                try await session.execute("DELETE FROM office_key_seal WHERE recipient = \(member.id.hex)")
                try await PostgresDatabase.insert(officeSeals, officeID: officeID, session)
            }
            if let manifest { try await Self.write(manifest, session) }
            try await self.audit(event, chain: chain, session)
        }
    }

    public func addRecoveredLead(_ member: Member, officeSeals: [OfficeKeySeal], manifest: SignedKeyManifest, audit event: AuditEvent)
        async throws
    {
        guard let officeID = member.officeID else { throw StoreError.notFound }
        try await database.write { session in
            try await session.lock(.chain(officeID))
            guard try await MemberRow.one(session, username: member.username) == nil else { throw MemberStoreError.usernameTaken }
            try await MemberRow.insert(member, session)
            try await PostgresDatabase.insert(officeSeals, officeID: officeID, session)
            try await Self.write(manifest, session)
            try await self.audit(event, chain: officeID, session)
        }
    }

    public func createVerband(_ verband: Verband, analyst: Member, seal: [UInt8], manifest: SignedKeyManifest, audit event: AuditEvent)
        async throws
    {
        try await database.write { session in
            try await session.lock(.verband)
            guard try await Self.verband(session) == nil else { throw MemberStoreError.membersChanged }
            guard try await MemberRow.one(session, username: analyst.username) == nil else { throw MemberStoreError.usernameTaken }
            try await session.execute(
                "INSERT INTO verband (id, name, public_key) VALUES (\(verband.id), \(verband.name), \(bytes: verband.publicKey.bytes))")
            try await MemberRow.insert(analyst, session)
            try await session.execute("INSERT INTO verband_key_seal (member_id, sealed) VALUES (\(analyst.id), \(bytes: seal))")
            try await Self.writeVerband(manifest, session)
            try await self.audit(event, chain: verband.id, session)
        }
    }

    public func replaceRecoveryKey(
        officeID: EntityID, recoveryKey: BoxPublicKey, seals: [OfficeKeySeal], manifest: SignedKeyManifest, audit event: AuditEvent
    ) async throws {
        try await database.write { session in
            try await session.lock(.chain(officeID))
            guard
                try await session.one("SELECT key_version FROM office WHERE id = \(officeID)")?.int(0) == Int(manifest.manifest.keyVersion),
                seals.allSatisfy({ $0.keyVersion == manifest.manifest.keyVersion && $0.recipient == "recovery" })
            else { throw MemberStoreError.keyVersionChanged }
            // The old recovery code opens nothing of any version from now on.
            try await session.execute("DELETE FROM office_key_seal WHERE office_id = \(officeID) AND recipient = 'recovery'")
            try await PostgresDatabase.insert(seals, officeID: officeID, session)
            try await session.execute("UPDATE office SET recovery_public_key = \(bytes: recoveryKey.bytes) WHERE id = \(officeID)")
            try await Self.write(manifest, session)
            try await self.audit(event, chain: officeID, session)
        }
    }
}
