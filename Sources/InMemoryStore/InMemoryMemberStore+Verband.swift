import Foundation
import Members
import Sealing
import SichtbarCore

/// The Verband's key: its manifest and its rotation.
extension InMemoryMemberStore {
    public func verbandManifest() async throws -> StoredKeyManifest {
        try database.read { $0.verbandManifest?.stored ?? .missing }
    }

    public func rotateVerband(
        from version: UInt32, publicKey: BoxPublicKey, seals: [EntityID: [UInt8]], removing: EntityID?,
        manifest: SignedKeyManifest, audit events: [AuditEvent]
    ) async throws {
        try database.write { state in
            guard let verband = state.verband, state.verbandManifest?.keyVersion == version else {
                throw MemberStoreError.membersChanged
            }
            if let removing {
                guard state.members(officeID: nil).count > 1 else { throw MemberStoreError.lastAnalyst }
                state.deleteInvitations(createdBy: removing)
                // Only an analyst goes: an office member of that id is no analyst to remove.
                guard let removed = state.members[removing], removed.officeID == nil else { throw MemberStoreError.membersChanged }
                state.deleteMember(removing)
            }
            let analysts = Set(state.members(officeID: nil).map(\.id))
            guard analysts == Set(seals.keys) else { throw MemberStoreError.membersChanged }
            state.verband = Verband(id: verband.id, name: verband.name, publicKey: publicKey)
            state.verbandSeals = [:]
            for (memberID, sealed) in seals { try state.insertVerbandSeal(sealed, memberID: memberID) }
            // Invitations carry the old ring: the analysts invite again.
            state.invitations = state.invitations.filter { $0.value.officeID != nil }
            try state.writeVerband(manifest)
            database.audit(events, chain: verband.id, &state)
        }
    }

    public func storeVerbandManifest(_ manifest: SignedKeyManifest, audit event: AuditEvent) async throws {
        try database.write { state in
            try state.writeVerband(manifest)
            database.audit([event], chain: manifest.manifest.officeID, &state)
        }
    }
}
