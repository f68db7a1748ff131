import Foundation
import Sealing

extension MemberService {
    /// A one-time invitation: leads invite counsellors and leads of their office, analysts invite
    /// analysts. It carries the secrets the new member needs, wrapped under the token.
    public func invite(role: MemberRole, by session: Session, now: Date = Date()) async throws -> Invitation {
        let secrets: SecureBytes
        let officeID: EntityID?
        switch (session.role, role) {
        case (.lead, .counsellor), (.lead, .lead):
            guard let office = try await store.office(id: try requireLead(session)) else { throw AccessError.notFound }
            secrets = try await session.officeSecrets(version: office.keyVersion, store: store).combined
            officeID = office.id
        case (.analyst, .analyst):
            guard let verbandKeys = session.verbandKeys else { throw AccessError.keysUnavailable }
            secrets = verbandKeys.secretKey
            officeID = nil
        case (.lead, .analyst), (.analyst, _):
            throw AccessError.invalid(field: "role", message: "leads invite counsellors and leads; analysts invite analysts")
        case (.counsellor, _):
            throw AccessError.notFound
        }
        let invitation = try Invitation.issue(secrets: secrets, now: now)
        let reference = EntityID.hexString(invitation.tokenHash.prefix(8))
        try await store.createInvitation(invitation, officeID: officeID, role: role,
                                         audit: .member(session.username, .invitationCreated, "\(role.rawValue) \(reference)", at: now))
        return invitation
    }

    /// Enrols the holder of an invitation under a username and passphrase they chose.
    @discardableResult
    public func enrol(invitation token: String, username: String, passphrase: SecureBytes, now: Date = Date()) async throws -> Member {
        try Self.checkUsername(username)
        try checkNewPassphrase(passphrase, username: username)
        let unusable = AccessError.invalid(field: "invitation", message: "the invitation is unknown, used or expired")
        guard let tokenBytes = Base64URL.decode(token.trimmingCharacters(in: .whitespacesAndNewlines)), tokenBytes.count == 32 else {
            throw unusable
        }
        let token = SecureBytes(copying: tokenBytes)
        guard let stored = try await store.invitation(tokenHash: Invitation.hash(token)), stored.expiresAt > now else {
            throw unusable
        }
        guard let secrets = try? SecretBox.open(stored.wrappedSecrets, key: Invitation.key(token)) else { throw unusable }
        let keyPair = BoxKeyPair()
        let member = Member(id: .random(), username: username, officeID: stored.officeID, role: stored.role,
                            publicKey: keyPair.publicKey, wrappedSecret: try await wrap(keyPair.secretKey, passphrase: passphrase))
        var officeSeals: [OfficeKeySeal] = []
        var verbandSeal: [UInt8]?
        if let officeID = stored.officeID {
            guard let office = try await store.office(id: officeID) else { throw unusable }
            let officeSecrets = try OfficeSecrets(version: office.keyVersion, combined: secrets)
            guard officeSecrets.keyPair.publicKey == office.publicKey else { throw unusable }
            officeSeals = officeSecrets.seals(to: member.publicKey, recipientName: member.id.hex)
        } else {
            guard let verband = try await store.verband(),
                  try BoxKeyPair(secretKey: secrets).publicKey == verband.publicKey else { throw unusable }
            verbandSeal = SealedBox.seal(secrets, to: member.publicKey)
        }
        do {
            try await store.enrol(member, invitationHash: stored.tokenHash, now: now, officeSeals: officeSeals,
                                  verbandSeal: verbandSeal, audit: .member(username, .memberEnrolled, stored.role.rawValue, at: now))
        } catch MemberStoreError.usernameTaken {
            throw AccessError.invalid(field: "username", message: "the username \(username) is taken")
        } catch MemberStoreError.invitationUnusable, MemberStoreError.keyVersionChanged {
            throw unusable
        }
        return member
    }

    /// The members of the lead's office (or the analysts, for an analyst); viewing is recorded.
    public func members(for session: Session) async throws -> [Member] {
        guard session.isLead || session.role == .analyst else { throw AccessError.notFound }
        try await record(session, .membersViewed)
        return try await store.members(officeID: session.officeID)
    }

    public func pendingInvitations(for session: Session, now: Date = Date()) async throws -> [StoredInvitation] {
        guard session.isLead || session.role == .analyst else { throw AccessError.notFound }
        return try await store.pendingInvitations(officeID: session.officeID, now: now)
    }

    public func revokeInvitation(reference: String, by session: Session) async throws {
        guard session.isLead || session.role == .analyst else { throw AccessError.notFound }
        guard try await store.revokeInvitation(reference: reference, officeID: session.officeID,
                                               audit: .member(session.username, .invitationRevoked, reference)) else {
            throw AccessError.notFound
        }
    }

    /// A member of the same office (or, for analysts, another analyst), else not found.
    func colleague(_ username: String, of session: Session) async throws -> Member {
        guard let member = try await store.member(username: username), member.officeID == session.officeID,
              (member.role == .analyst) == (session.role == .analyst) else { throw AccessError.notFound }
        return member
    }

    /// Removes a member and, for an office, starts the key rotation at once: the removed member's
    /// passphrase then unlocks nothing, and new cases are sealed to a key they never had.
    /// The command line rotates in the foreground (`rotateInBackground: false`) and reports.
    public func remove(username: String, by session: Session, rotateInBackground: Bool = true) async throws {
        guard session.isLead || session.role == .analyst else { throw AccessError.notFound }
        let member = try await colleague(username, of: session)
        if let officeID = session.officeID {
            // Open the current secrets first: a lead who removes themselves still rotates.
            guard let office = try await store.office(id: officeID) else { throw AccessError.notFound }
            _ = try await session.officeSecrets(version: office.keyVersion, store: store)
        }
        do {
            try await store.removeMember(member, audit: .member(session.username, .memberRemoved, username))
        } catch MemberStoreError.lastLead {
            throw AccessError.invalid(field: "username", message: "the last lead of an office cannot be removed")
        }
        await sessions.closeAll(memberID: member.id)
        if let officeID = session.officeID {
            _ = try await beginRotation(officeID: officeID, by: session)
            if rotateInBackground { resumeRotationInBackground(officeID: officeID, session: session) }
        }
    }

    public func changeRole(username: String, to role: MemberRole, by session: Session) async throws {
        _ = try requireLead(session)
        guard role == .lead || role == .counsellor else {
            throw AccessError.invalid(field: "role", message: "an office member is a counsellor or a lead")
        }
        let member = try await colleague(username, of: session)
        guard member.role != role else { return }
        do {
            try await store.changeRole(member, to: role, audit: .member(session.username, .memberRoleChanged, "\(username) \(role.rawValue)"))
        } catch MemberStoreError.lastLead {
            throw AccessError.invalid(field: "role", message: "the last lead of an office cannot become a counsellor")
        }
        await sessions.closeAll(memberID: member.id)
    }

    /// Re-wraps the member's own key under a new passphrase; the key pair stays, so nothing
    /// needs re-sealing. The current passphrase is checked like a login (a stolen session must
    /// not become a way to guess it): throttled, and a wrong one audited. The member's other
    /// sessions end; the one that changed it stays.
    public func changePassphrase(for session: Session, current: SecureBytes, new: SecureBytes, from address: String? = nil) async throws {
        try checkNewPassphrase(new, username: session.username)
        guard let member = try await store.member(username: session.username), member.id == session.memberID else {
            throw AccessError.unauthorized
        }
        let attempt = try await throttle.begin(session.username, address: address)
        let keys: BoxKeyPair?
        do {
            keys = try await hashing { try? member.unlock(passphrase: current) }
        } catch {
            await throttle.finish(attempt, succeeded: false)
            throw error
        }
        guard let keys, keys.publicKey == member.publicKey else {
            await throttle.finish(attempt, succeeded: false)
            try await record(session, .passphraseChangeFailed)
            throw AccessError.invalid(field: "current", message: "the current passphrase is wrong")
        }
        await throttle.finish(attempt, succeeded: true)
        let updated = Member(id: member.id, username: member.username, officeID: member.officeID, role: member.role,
                             publicKey: member.publicKey, wrappedSecret: try await wrap(keys.secretKey, passphrase: new))
        try await store.replaceKeys(of: updated, officeSeals: [], audit: .member(session.username, .passphraseChanged))
        await sessions.closeAll(memberID: member.id, except: session)
    }

    /// Recovery with the office recovery code: `username` gets a new key pair under a new
    /// passphrase and becomes a lead. A wrong code opens nothing and changes nothing.
    @discardableResult
    public func recover(officeID: EntityID, code: RecoveryCode, username: String, passphrase: SecureBytes) async throws -> Member {
        try Self.checkUsername(username)
        try checkNewPassphrase(passphrase, username: username)
        guard let office = try await store.office(id: officeID) else { throw AccessError.notFound }
        let recovery = try code.keyPair()
        guard let secretSeal = try await store.officeSeal(officeID: officeID, version: office.keyVersion, recipient: "recovery", purpose: .officeSecret),
              let ringSeal = try await store.officeSeal(officeID: officeID, version: office.keyVersion, recipient: "recovery", purpose: .statistics),
              let secrets = try? OfficeSecrets(version: office.keyVersion, officeSecretSeal: secretSeal, statisticsSeal: ringSeal, with: recovery),
              secrets.keyPair.publicKey == office.publicKey
        else { throw AccessError.unauthorized }
        let keyPair = BoxKeyPair()
        let wrapped = try await wrap(keyPair.secretKey, passphrase: passphrase)
        let audit = AuditEvent.member("recovery", .officeRecovered, username)
        if let existing = try await store.member(username: username) {
            guard existing.officeID == officeID else {
                throw AccessError.invalid(field: "username", message: "the username \(username) belongs to another office")
            }
            let member = Member(id: existing.id, username: username, officeID: officeID, role: .lead,
                                publicKey: keyPair.publicKey, wrappedSecret: wrapped)
            try await store.replaceKeys(of: member, officeSeals: secrets.seals(to: member.publicKey, recipientName: member.id.hex), audit: audit)
            await sessions.closeAll(memberID: member.id)
            return member
        }
        let member = Member(id: .random(), username: username, officeID: officeID, role: .lead,
                            publicKey: keyPair.publicKey, wrappedSecret: wrapped)
        try await store.addRecoveredLead(member, officeSeals: secrets.seals(to: member.publicKey, recipientName: member.id.hex), audit: audit)
        return member
    }
}
