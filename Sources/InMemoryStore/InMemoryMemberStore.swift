import Foundation
import Members
import Sealing
import SichtbarCore

/// `MemberStore` over the shared in-memory state: members, seals, invitations, key manifests,
/// rotations and the audit chains, with the checks and order of the SQLite engine.
public struct InMemoryMemberStore: MemberStore {
    let database: InMemoryDatabase

    public func member(username: String) async throws -> Member? {
        try database.read { $0.member(username: username) }
    }

    public func members(officeID: EntityID?) async throws -> [Member] {
        try database.read { $0.members(officeID: officeID) }
    }

    public func office(id: EntityID) async throws -> Office? {
        try database.read { try $0.offices[id]?.office() }
    }

    public func verband() async throws -> Verband? {
        try database.read { $0.verband }
    }

    public func offices() async throws -> [Office] {
        try database.read { try $0.officesInOrder.map { try $0.office() } }
    }

    public func recoveryKey(officeID: EntityID) async throws -> BoxPublicKey? {
        try database.read { $0.offices[officeID]?.recoveryPublicKey }
    }

    public func officeSeal(
        officeID: EntityID, version: UInt32, recipient: String,
        purpose: OfficeKeySeal.Purpose
    ) async throws -> [UInt8]? {
        try database.read { $0.officeSeals[SealKey(officeID: officeID, version: version, recipient: recipient, purpose: purpose)] }
    }

    public func verbandSeal(memberID: EntityID) async throws -> [UInt8]? {
        try database.read { $0.verbandSeals[memberID] }
    }

    public func invitation(tokenHash: [UInt8]) async throws -> StoredInvitation? {
        try database.read { $0.invitations[tokenHash]?.stored }
    }

    /// Unexpired invitations of the office (the Verband's for nil), soonest expiry first.
    public func pendingInvitations(officeID: EntityID?, now: Date) async throws -> [StoredInvitation] {
        let seconds = InvitationRow.seconds(now)
        return try database.read { state in Self.pending(state, officeID: officeID, after: seconds).map(\.stored) }
    }

    /// `ORDER BY expires_at`; ties, which SQLite leaves to its scan of the primary key, by token hash.
    static func pending(_ state: State, officeID: EntityID?, after seconds: Int64) -> [InvitationRow] {
        state.invitations.values.filter { $0.officeID == officeID && $0.expiresAt > seconds }.sorted {
            $0.expiresAt != $1.expiresAt ? $0.expiresAt < $1.expiresAt : Binary.less($0.tokenHash, $1.tokenHash)
        }
    }

    public func createInvitation(
        _ invitation: Invitation, officeID: EntityID?, role: MemberRole, createdBy: EntityID,
        audit event: AuditEvent
    ) async throws {
        try database.write { state in
            let chain = try state.chain(officeID)
            // The creator must still be a member with the right to invite: a removal or demotion
            // meanwhile leaves no invitation behind.
            let creatorRole = state.members[createdBy]?.role
            guard creatorRole == .lead || creatorRole == .analyst else { throw MemberStoreError.membersChanged }
            try state.insert(
                InvitationRow(
                    tokenHash: invitation.tokenHash, officeID: officeID, role: role,
                    expiresAt: InvitationRow.seconds(invitation.expiresAt), wrappedSecrets: invitation.wrappedSecrets,
                    createdBy: createdBy))
            database.audit([event], chain: chain, &state)
        }
    }

    /// The first pending invitation (of any expiry) whose reference matches is deleted.
    public func revokeInvitation(reference: String, officeID: EntityID?, audit event: AuditEvent) async throws -> Bool {
        try database.write { state in
            let chain = try state.chain(officeID)
            let all = Self.pending(state, officeID: officeID, after: InvitationRow.seconds(.distantPast))
            guard let match = all.first(where: { $0.stored.reference == reference }) else { return false }
            guard state.invitations.removeValue(forKey: match.tokenHash) != nil else { return false }
            database.audit([event], chain: chain, &state)
            return true
        }
    }
}
