import Foundation
import Intake
import Members
import Sealing
import SichtbarCore

extension InMemoryDatabase: StoreSetup {
    /// Stores a new office with its office secrets sealed to the recovery key and its first
    /// manifest (pinning the Verband key of this server, if there is one yet).
    public func createOffice(name: String, profile: OfficeProfile, keys: OfficeKeys) async throws -> Office {
        let office = Office(id: .random(), name: name, publicKey: keys.keyPair.publicKey, keyVersion: 1, profile: profile)
        let profileJSON = [UInt8](try JSONEncoder().encode(profile))
        let seals = keys.seals(to: keys.recoveryPublicKey, recipientName: "recovery", version: office.keyVersion)
        try write { state in
            let position = (state.offices.values.map(\.position).max() ?? 0) + 1
            state.offices[office.id] = OfficeRow(
                id: office.id, position: position, name: name, publicKey: office.publicKey, keyVersion: office.keyVersion,
                recoveryPublicKey: keys.recoveryPublicKey, profileJSON: profileJSON)
            try state.insert(seals, officeID: office.id)
            let manifest = KeyManifest(
                officeID: office.id, keyVersion: office.keyVersion, officePublicKey: office.publicKey,
                recoveryPublicKey: keys.recoveryPublicKey, members: [], verbandPublicKey: state.verband?.publicKey)
            try state.write(try SignedKeyManifest(manifest, secrets: keys.secrets))
        }
        return office
    }

    /// Stores a member with their seals and the office's manifest with them added.
    public func addMember(_ member: Member, seals: [OfficeKeySeal], secrets: OfficeSecrets) async throws {
        guard let officeID = member.officeID else { throw StoreError.notFound }
        try write { state in
            try state.insert(member)
            try state.insert(seals, officeID: officeID)
            guard case .present(let current) = state.keyManifest(officeID: officeID) else { throw MemberStoreError.membersChanged }
            try state.write(try SignedKeyManifest(current.manifest.with(member: member), secrets: secrets))
        }
    }

    /// Changes the profile of an office; an unknown office is no error (nothing to update).
    public func updateProfile(officeID: EntityID, profile: OfficeProfile) async throws {
        let profileJSON = [UInt8](try JSONEncoder().encode(profile))
        try write { state in state.offices[officeID]?.profileJSON = profileJSON }
    }

    /// Moves the fallback mark to `officeID`; `StoreError.notFound` for an unknown office.
    public func setFallbackOffice(_ officeID: EntityID) async throws {
        try write { state in
            guard state.offices[officeID] != nil else { throw StoreError.notFound }
            for id in state.offices.keys { state.offices[id]?.isFallback = (id == officeID) }
        }
    }

    public func createInvitation(_ invitation: Invitation, officeID: EntityID?, role: MemberRole) async throws {
        try write { state in
            try state.insert(
                InvitationRow(
                    tokenHash: invitation.tokenHash, officeID: officeID, role: role,
                    expiresAt: InvitationRow.seconds(invitation.expiresAt), wrappedSecrets: invitation.wrappedSecrets, createdBy: nil))
        }
    }
}
