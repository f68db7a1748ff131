import Sealing
import SichtbarCore

/// What setting up an installation writes outside the member service: offices, their first
/// members, the fallback mark, invitations made at set-up. `init`, `demo`, the benchmark and the
/// tests use it; each store engine implements it beside its `MemberStore`.
public protocol StoreSetup: Sendable {
    /// Stores a new office with its office secrets sealed to the recovery key, and its first
    /// signed key manifest; returns the office.
    func createOffice(name: String, profile: OfficeProfile, keys: OfficeKeys) async throws -> Office
    /// Stores a member with their seals and the office's manifest with them added.
    func addMember(_ member: Member, seals: [OfficeKeySeal], secrets: OfficeSecrets) async throws
    func updateProfile(officeID: EntityID, profile: OfficeProfile) async throws
    /// Makes `officeID` the one office that receives reports from regions no office serves.
    /// Throws (the engine's not-found error) for an unknown office.
    func setFallbackOffice(_ officeID: EntityID) async throws
    /// Stores a one-time invitation by the hash of its token; the token itself is never stored.
    func createInvitation(_ invitation: Invitation, officeID: EntityID?, role: MemberRole) async throws
}

extension StoreSetup {
    /// A member of `office` created directly (first lead, demo, set-up), with the office secrets
    /// of `keys` sealed to them. Returns the member and their key pair.
    @discardableResult
    public func createMember(
        username: String, role: MemberRole, office: Office, keys: OfficeKeys, passphrase: SecureBytes
    ) async throws -> (Member, BoxKeyPair) {
        let (member, keyPair) = try Member.create(
            username: username, officeID: office.id, role: role, passphrase: passphrase, root: keys.secrets.rootFingerprint)
        try await addMember(
            member, seals: keys.seals(to: member.publicKey, recipientName: member.id.hex, version: office.keyVersion),
            secrets: keys.secrets)
        return (member, keyPair)
    }
}
