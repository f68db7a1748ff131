import Foundation
import Sealing
import SichtbarCore

extension MemberService {
    /// A new recovery code for the lead's office, shown to that lead once: the office secrets of
    /// the current version are sealed to its key, every seal to the old recovery key is deleted
    /// and the manifest names the new key. Refused while a rotation runs (its old version still
    /// needs the recovery seal that intake checks).
    public func renewRecoveryCode(by session: Session) async throws -> RecoveryCode {
        let officeID = try requireLead(session)
        guard try await store.rotation(officeID: officeID) == nil else {
            throw FieldError.invalid(field: "office", message: "a key rotation is running; renew the recovery code when it has finished")
        }
        let (manifest, secrets) = try await keyGuard.requireIntactKeys(session)
        return try await replaceRecoveryKey(manifest: manifest, secrets: secrets, actor: session.username)
    }

    func replaceRecoveryKey(manifest: KeyManifest, secrets: OfficeSecrets, actor: String) async throws -> RecoveryCode {
        let code = RecoveryCode.generate()
        let recoveryKey = try code.keyPair().publicKey
        let signed = try SignedKeyManifest(manifest.with(recoveryPublicKey: recoveryKey), secrets: secrets)
        do {
            try await store.replaceRecoveryKey(
                officeID: manifest.officeID, recoveryKey: recoveryKey,
                seals: secrets.seals(to: recoveryKey, recipientName: "recovery"), manifest: signed,
                audit: .member(actor, .recoveryCodeRenewed, "version \(manifest.keyVersion)"))
        } catch MemberStoreError.keyVersionChanged, MemberStoreError.membersChanged {
            throw AccessError.busy
        }
        return code
    }

    /// Enrols the holder of an invitation; an office's first lead also receives the office's
    /// recovery code here, made new for them, so the operator who added the office never saw it.
    public func enrolMember(
        invitation token: String, username: String, passphrase: SecureBytes,
        now: Date = Date()
    ) async throws -> (member: Member, recoveryCode: RecoveryCode?) {
        let stored = try await invitationForEnrolment(token)
        var firstLead = false
        if let officeID = stored?.officeID, stored?.role == .lead {
            firstLead = try await store.members(officeID: officeID).isEmpty
        }
        let member = try await enrol(invitation: token, username: username, passphrase: passphrase, now: now)
        guard firstLead, let officeID = member.officeID, let office = try await store.office(id: officeID),
            case .present(let signed) = try await store.keyManifest(officeID: officeID),
            let secretSeal = try await store.officeSeal(
                officeID: officeID, version: office.keyVersion,
                recipient: member.id.hex, purpose: .officeSecret),
            let ringSeal = try await store.officeSeal(
                officeID: officeID, version: office.keyVersion,
                recipient: member.id.hex, purpose: .statistics)
        else { return (member, nil) }
        // Opened with the new member's own key: the seals were made for them a moment ago.
        let keys = try await hashing { try member.unlock(passphrase: passphrase) }
        let secrets = try OfficeSecrets(version: office.keyVersion, officeSecretSeal: secretSeal, statisticsSeal: ringSeal, with: keys)
        guard signed.isAuthentic(under: secrets) else { return (member, nil) }
        return (member, try await replaceRecoveryKey(manifest: signed.manifest, secrets: secrets, actor: username))
    }

    private func invitationForEnrolment(_ token: String) async throws -> StoredInvitation? {
        guard let bytes = Base64URL.decode(token.trimmingCharacters(in: .whitespacesAndNewlines)), bytes.count == 32 else { return nil }
        return try await store.invitation(tokenHash: Invitation.hash(SecureBytes(copying: bytes)))
    }
}
