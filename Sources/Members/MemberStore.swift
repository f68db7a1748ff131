import Foundation
import Sealing
import SichtbarCore

/// The store seam for members, keys, rotation and the audit chain. Every change takes the audit
/// events that describe it and writes them in the same transaction, so no change is ever stored
/// without its record, nor a record without its change.
public protocol MemberStore: Sendable {
    func member(username: String) async throws -> Member?
    /// The members of an office, or the Verband's analysts when `officeID` is nil.
    func members(officeID: EntityID?) async throws -> [Member]
    func office(id: EntityID) async throws -> Office?
    func verband() async throws -> Verband?
    /// Every office of the server: the Verband's member offices (one Verband per server).
    func offices() async throws -> [Office]
    /// The office's recovery public key (its secret is derived from the recovery code).
    func recoveryKey(officeID: EntityID) async throws -> BoxPublicKey?

    /// One sealed office secret: `purpose` for `recipient` (a member's hex id or `recovery`).
    func officeSeal(
        officeID: EntityID, version: UInt32, recipient: String,
        purpose: OfficeKeySeal.Purpose
    ) async throws -> [UInt8]?
    /// The Verband secret key sealed to an analyst.
    func verbandSeal(memberID: EntityID) async throws -> [UInt8]?

    func invitation(tokenHash: [UInt8]) async throws -> StoredInvitation?
    func pendingInvitations(officeID: EntityID?, now: Date) async throws -> [StoredInvitation]
    func createInvitation(
        _ invitation: Invitation, officeID: EntityID?, role: MemberRole, createdBy: EntityID,
        audit: AuditEvent) async throws
    /// Deletes an invitation of `officeID` whose reference is `reference`; false when none.
    func revokeInvitation(reference: String, officeID: EntityID?, audit: AuditEvent) async throws -> Bool

    /// Consumes the invitation and stores the member with their seals. Throws
    /// `MemberStoreError.invitationUnusable` when it is gone or expired, `.usernameTaken`, or
    /// `.keyVersionChanged` when the office key rotated since the seals were made.
    /// Every change to who an office's secrets are sealed to takes the office's new key manifest
    /// (`manifest`), written in the same transaction and refused with `.membersChanged` when it
    /// does not describe the rows after the change.
    func enrol(
        _ member: Member, invitationHash: [UInt8], now: Date, officeSeals: [OfficeKeySeal],
        verbandSeal: [UInt8]?, manifest: SignedKeyManifest?, audit: AuditEvent) async throws
    /// Deletes a member, every seal made for them and every invitation they created. Throws
    /// `.lastLead` (and `.lastAnalyst`).
    func removeMember(_ member: Member, manifest: SignedKeyManifest?, audit: AuditEvent) async throws
    /// Throws `.lastLead` when the office would be left without a lead. A demoted lead's
    /// invitations are deleted.
    func changeRole(_ member: Member, to role: MemberRole, manifest: SignedKeyManifest?, audit: AuditEvent) async throws
    /// Replaces a member's wrapped secret (passphrase change) and, after a recovery, their key
    /// pair and seals.
    func replaceKeys(of member: Member, officeSeals: [OfficeKeySeal], manifest: SignedKeyManifest?, audit: AuditEvent) async throws
    /// Adds a new lead created by recovery.
    func addRecoveredLead(_ member: Member, officeSeals: [OfficeKeySeal], manifest: SignedKeyManifest, audit: AuditEvent) async throws

    // MARK: Key integrity

    func keyManifest(officeID: EntityID) async throws -> StoredKeyManifest
    /// Replaces the manifest without other changes (a lead's confirmation of keys).
    func storeManifest(_ manifest: SignedKeyManifest, audit: AuditEvent) async throws
    /// Replaces the recovery key: its seals of the current version and the manifest, at once.
    func replaceRecoveryKey(
        officeID: EntityID, recoveryKey: BoxPublicKey, seals: [OfficeKeySeal],
        manifest: SignedKeyManifest, audit: AuditEvent) async throws
    /// Cases no login has checked yet: which office key they were sealed to.
    func uncheckedCaseKeys(officeID: EntityID, limit: Int) async throws -> [CaseKeyFingerprint]
    /// Marks cases checked and appends the alarms found, in one transaction.
    func markCaseKeysChecked(_ caseIDs: [EntityID], officeID: EntityID, alarms: [AuditEvent]) async throws
    /// Asks for another rotation once the running one ends (a removal while it runs).
    func requestRotation(officeID: EntityID) async throws
    func rotationRequested(officeID: EntityID) async throws -> Bool
    /// Keeps why a rotation stopped, so leads and monitoring see it.
    func recordRotationFailure(officeID: EntityID, reason: String) async throws

    func createVerband(_ verband: Verband, analyst: Member, seal: [UInt8], manifest: SignedKeyManifest, audit: AuditEvent) async throws
    /// The Verband's manifest (its key and analysts).
    func verbandManifest() async throws -> StoredKeyManifest
    /// A new Verband key: the analyst `removing` deleted, the public key, the ring sealed to each
    /// remaining analyst (by member id) and the manifest, in one transaction. Throws
    /// `.membersChanged` when the analysts or version moved, `.lastAnalyst`.
    func rotateVerband(
        from version: UInt32, publicKey: BoxPublicKey, seals: [EntityID: [UInt8]], removing: EntityID?,
        manifest: SignedKeyManifest, audit: [AuditEvent]) async throws
    /// The Verband's first manifest, for a Verband set up before manifests (trust on first use).
    func storeVerbandManifest(_ manifest: SignedKeyManifest, audit: AuditEvent) async throws

    func rotation(officeID: EntityID) async throws -> KeyRotationState?
    /// Starts a rotation: the office's new public key and version, the new secrets sealed to
    /// every member (`seals` must name exactly the office's members and `recovery`), pending
    /// invitations dropped. Throws `.rotationRunning` or `.membersChanged`.
    func beginRotation(
        officeID: EntityID, from: UInt32, to newSecrets: OfficeSecrets, seals: [OfficeKeySeal],
        manifest: SignedKeyManifest, audit: AuditEvent) async throws
    /// Up to `limit` cases whose keys are still sealed to a version below `version`.
    func casesToReseal(officeID: EntityID, below version: UInt32, limit: Int) async throws -> [SealedCaseKeys]
    /// Stores re-sealed case keys (each only if the case still has its old version).
    func storeResealed(_ cases: [SealedCaseKeys], officeID: EntityID, version: UInt32) async throws
    /// Ends the rotation once no case remains on an old version: old office secrets deleted.
    /// Returns false when cases remain.
    func finishRotation(officeID: EntityID, audit: AuditEvent) async throws -> Bool

    /// Appends events to a chain and signs its new head.
    func record(_ events: [AuditEvent], chain: EntityID) async throws
    /// Entries of a chain from `sequence` on, oldest first.
    func auditEntries(chain: EntityID, from sequence: UInt64, limit: Int) async throws -> [AuditEntry]
    func auditHead(chain: EntityID) async throws -> AuditHead?
    /// The entries about one subject (a case id, a username), newest last.
    func auditEntries(chain: EntityID, subject: String, limit: Int) async throws -> [AuditEntry]
    /// Entries matching `filter`, newest first, before sequence `before` (nil: from the head).
    func auditEntries(chain: EntityID, filter: AuditFilter, before: UInt64?, limit: Int) async throws -> [AuditEntry]
    /// Records that a checkpoint was taken and returns the signed head with the server key.
    func checkpoint(chain: EntityID, by actor: String) async throws -> AuditCheckpoint
}

/// Why a member change was refused by the store.
public enum MemberStoreError: Error, Sendable, Equatable {
    case invitationUnusable
    case usernameTaken
    case lastLead
    case lastAnalyst
    case keyVersionChanged
    case rotationRunning
    case membersChanged
}
