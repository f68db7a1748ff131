import Foundation
import Intake
import Members
import Sealing
import SichtbarCore

/// Member changes, each with its manifest and audit event in one transaction.
extension InMemoryMemberStore {
    public func enrol(
        _ member: Member, invitationHash: [UInt8], now: Date, officeSeals: [OfficeKeySeal],
        verbandSeal: [UInt8]?, manifest: SignedKeyManifest?, audit event: AuditEvent
    ) async throws {
        try database.write { state in
            let chain = try state.chain(member.officeID)
            guard let invitation = state.invitations[invitationHash], invitation.expiresAt > InvitationRow.seconds(now) else {
                throw MemberStoreError.invitationUnusable
            }
            state.invitations[invitation.tokenHash] = nil
            guard state.member(username: member.username) == nil else { throw MemberStoreError.usernameTaken }
            if let officeID = member.officeID {
                guard let version = state.offices[officeID]?.keyVersion, officeSeals.allSatisfy({ $0.keyVersion == version }) else {
                    throw MemberStoreError.keyVersionChanged
                }
            }
            try state.insert(member)
            if let officeID = member.officeID { try state.insert(officeSeals, officeID: officeID) }
            if let verbandSeal { try state.insertVerbandSeal(verbandSeal, memberID: member.id) }
            if let manifest {
                if member.officeID == nil { try state.writeVerband(manifest) } else { try state.write(manifest) }
            }
            database.audit([event], chain: chain, &state)
        }
    }

    /// The checks use the role the caller read (`member.role`), as the SQLite engine does.
    public func removeMember(_ member: Member, manifest: SignedKeyManifest?, audit event: AuditEvent) async throws {
        try database.write { state in
            let chain = try state.chain(member.officeID)
            if member.role == .lead, let officeID = member.officeID, state.leadCount(officeID: officeID) <= 1 {
                throw MemberStoreError.lastLead
            }
            if member.role == .analyst, state.members(officeID: nil).count <= 1 { throw MemberStoreError.lastAnalyst }
            // Removed meanwhile (another lead was quicker): nothing to record, nothing to change.
            guard state.members[member.id] != nil else { throw MemberStoreError.membersChanged }
            state.deleteSeals(recipient: member.id.hex)
            state.deleteInvitations(createdBy: member.id)
            state.deleteMember(member.id)
            if let manifest { try state.write(manifest) }
            database.audit([event], chain: chain, &state)
        }
    }

    public func changeRole(_ member: Member, to role: MemberRole, manifest: SignedKeyManifest?, audit event: AuditEvent) async throws {
        try database.write { state in
            let chain = try state.chain(member.officeID)
            if member.role == .lead, role != .lead, let officeID = member.officeID, state.leadCount(officeID: officeID) <= 1 {
                throw MemberStoreError.lastLead
            }
            guard let stored = state.members[member.id] else { throw MemberStoreError.membersChanged }
            state.members[member.id] = Member(
                id: stored.id, username: stored.username, officeID: stored.officeID, role: role, publicKey: stored.publicKey,
                wrappedSecret: stored.wrappedSecret)
            if role != .lead { state.deleteInvitations(createdBy: member.id) }
            if let manifest { try state.write(manifest) }
            database.audit([event], chain: chain, &state)
        }
    }

    /// Writes the member's role, public key and wrapped secret as given; `StoreError.notFound`
    /// when the member is gone.
    public func replaceKeys(of member: Member, officeSeals: [OfficeKeySeal], manifest: SignedKeyManifest?, audit event: AuditEvent)
        async throws
    {
        try database.write { state in
            let chain = try state.chain(member.officeID)
            guard let stored = state.members[member.id] else { throw StoreError.notFound }
            state.members[member.id] = Member(
                id: stored.id, username: stored.username, officeID: stored.officeID, role: member.role, publicKey: member.publicKey,
                wrappedSecret: member.wrappedSecret)
            if !officeSeals.isEmpty, let officeID = member.officeID {
                state.deleteSeals(recipient: member.id.hex)
                try state.insert(officeSeals, officeID: officeID)
            }
            if let manifest { try state.write(manifest) }
            database.audit([event], chain: chain, &state)
        }
    }

    public func addRecoveredLead(
        _ member: Member, officeSeals: [OfficeKeySeal], manifest: SignedKeyManifest,
        audit event: AuditEvent
    ) async throws {
        guard let officeID = member.officeID else { throw StoreError.notFound }
        try database.write { state in
            guard state.member(username: member.username) == nil else { throw MemberStoreError.usernameTaken }
            try state.insert(member)
            try state.insert(officeSeals, officeID: officeID)
            try state.write(manifest)
            database.audit([event], chain: officeID, &state)
        }
    }

    public func createVerband(
        _ verband: Verband, analyst: Member, seal: [UInt8], manifest: SignedKeyManifest,
        audit event: AuditEvent
    ) async throws {
        try database.write { state in
            guard state.verband == nil else { throw MemberStoreError.membersChanged }
            guard state.member(username: analyst.username) == nil else { throw MemberStoreError.usernameTaken }
            state.verband = verband
            try state.insert(analyst)
            try state.insertVerbandSeal(seal, memberID: analyst.id)
            try state.writeVerband(manifest)
            database.audit([event], chain: verband.id, &state)
        }
    }

    /// The old recovery code opens nothing of any version from now on: every recovery seal of
    /// the office goes, the new ones (of the current version only) come.
    public func replaceRecoveryKey(
        officeID: EntityID, recoveryKey: BoxPublicKey, seals: [OfficeKeySeal],
        manifest: SignedKeyManifest, audit event: AuditEvent
    ) async throws {
        try database.write { state in
            guard state.offices[officeID]?.keyVersion == manifest.manifest.keyVersion,
                seals.allSatisfy({ $0.keyVersion == manifest.manifest.keyVersion && $0.recipient == "recovery" })
            else { throw MemberStoreError.keyVersionChanged }
            state.officeSeals = state.officeSeals.filter { $0.key.officeID != officeID || $0.key.recipient != "recovery" }
            try state.insert(seals, officeID: officeID)
            state.offices[officeID]?.recoveryPublicKey = recoveryKey
            try state.write(manifest)
            database.audit([event], chain: officeID, &state)
        }
    }
}
