import Foundation
import Sealing
import SichtbarCore

extension MemberService {
    /// A one-time invitation: leads invite counsellors and leads of their office, analysts invite
    /// analysts. It carries the secrets the new member needs, wrapped under the token.
    public func invite(role: MemberRole, by session: Session, now: Date = Date()) async throws -> Invitation {
        let secrets: SecureBytes
        let officeID: EntityID?
        switch (session.role, role) {
        case (.lead, .counsellor), (.lead, .lead):
            _ = try requireLead(session)
            // The invitation carries the office secrets: only while the keys are intact.
            let (manifest, current) = try await keyGuard.requireIntactKeys(session)
            secrets = current.combined
            officeID = manifest.officeID
        case (.analyst, .analyst):
            secrets = try await requireIntactVerbandKeys(session).ring.ring
            officeID = nil
        case (.lead, .analyst), (.analyst, _):
            throw FieldError.invalid(field: "role", message: "leads invite counsellors and leads; analysts invite analysts")
        case (.counsellor, _):
            throw AccessError.notFound
        }
        let invitation = try Invitation.issue(secrets: secrets, now: now)
        let reference = EntityID.hexString(invitation.tokenHash.prefix(8))
        do {
            try await store.createInvitation(
                invitation, officeID: officeID, role: role, createdBy: session.memberID,
                audit: .member(session.username, .invitationCreated, "\(role.rawValue) \(reference)", at: now))
        } catch MemberStoreError.membersChanged {
            throw AccessError.notFound
        }
        return invitation
    }

    /// Enrols the holder of an invitation under a username and passphrase they chose.
    @discardableResult
    public func enrol(invitation token: String, username: String, passphrase: SecureBytes, now: Date = Date()) async throws -> Member {
        try Self.checkUsername(username)
        try checkNewPassphrase(passphrase, username: username)
        let unusable = FieldError.invalid(field: "invitation", message: "the invitation is unknown, used or expired")
        guard let tokenBytes = Base64URL.decode(token.trimmingCharacters(in: .whitespacesAndNewlines)), tokenBytes.count == 32 else {
            throw unusable
        }
        let token = SecureBytes(copying: tokenBytes)
        guard let stored = try await store.invitation(tokenHash: Invitation.hash(token)), stored.expiresAt > now else {
            throw unusable
        }
        guard let secrets = try? SecretBox.open(stored.wrappedSecrets, key: Invitation.key(token)) else { throw unusable }
        let keyPair = BoxKeyPair()
        var officeSeals: [OfficeKeySeal] = []
        var verbandSeal: [UInt8]?
        var manifest: SignedKeyManifest?
        var root: [UInt8]?
        var officeSecrets: OfficeSecrets?
        var verbandRing: VerbandRing?
        if let officeID = stored.officeID {
            guard let office = try await store.office(id: officeID) else { throw unusable }
            let opened = try OfficeSecrets(version: office.keyVersion, combined: secrets)
            guard opened.keyPair.publicKey == office.publicKey else { throw unusable }
            // The invitation came from a lead by hand, so its secrets are the office's own: the
            // rows are checked against the manifest they authenticate before anything is sealed.
            let report = try await keyGuard.keyReport(office: office, secrets: opened, root: opened.rootFingerprint)
            guard report.isIntact else {
                try await keyGuard.raiseAlarm(officeID: officeID, actor: username, problems: report.problems)
                throw AccessError.keyIntegrity(report.problems.map(\.message).joined(separator: "; "))
            }
            officeSecrets = opened
            root = opened.rootFingerprint
        } else {
            // An analyst's invitation carries the Verband's key ring, checked the same way.
            guard let verband = try await store.verband(), let ring = try? VerbandRing(ring: secrets),
                ring.current.publicKey == verband.publicKey
            else { throw unusable }
            let problems = try await verbandProblems(ring: ring, root: ring.rootFingerprint, verband: verband)
            guard problems.isEmpty else {
                try await alarmVerband(verband, actor: username, problems: problems)
                throw AccessError.keyIntegrity(problems.map(\.message).joined(separator: "; "))
            }
            verbandRing = ring
            root = ring.rootFingerprint
        }
        let member = Member(
            id: .random(), username: username, officeID: stored.officeID, role: stored.role,
            publicKey: keyPair.publicKey,
            wrappedSecret: try await wrap(Member.wrapped(keyPair.secretKey, root: root), passphrase: passphrase))
        if let officeSecrets, let officeID = stored.officeID {
            officeSeals = officeSecrets.seals(to: member.publicKey, recipientName: member.id.hex)
            guard case .present(let current) = try await store.keyManifest(officeID: officeID) else { throw unusable }
            manifest = try SignedKeyManifest(current.manifest.with(member: member), secrets: officeSecrets)
        } else if let verbandRing, case .present(let current) = try await store.verbandManifest() {
            verbandSeal = SealedBox.seal(verbandRing.ring, to: member.publicKey)
            manifest = try verbandRing.sign(current.manifest.with(member: member))
        } else {
            throw unusable
        }
        do {
            try await store.enrol(
                member, invitationHash: stored.tokenHash, now: now, officeSeals: officeSeals,
                verbandSeal: verbandSeal, manifest: manifest,
                audit: .member(username, .memberEnrolled, stored.role.rawValue, at: now))
        } catch MemberStoreError.usernameTaken {
            throw FieldError.invalid(field: "username", message: "the username \(username) is taken")
        } catch MemberStoreError.invitationUnusable, MemberStoreError.keyVersionChanged, MemberStoreError.membersChanged {
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
        guard
            try await store.revokeInvitation(
                reference: reference, officeID: session.officeID,
                audit: .member(session.username, .invitationRevoked, reference))
        else {
            throw AccessError.notFound
        }
    }

    /// A member of the same office (or, for analysts, another analyst), else not found.
    func colleague(_ username: String, of session: Session) async throws -> Member {
        guard let member = try await store.member(username: username), member.officeID == session.officeID,
            (member.role == .analyst) == (session.role == .analyst)
        else { throw AccessError.notFound }
        return member
    }

    /// Removes a member and, for an office, starts the key rotation at once: the removed member's
    /// passphrase then unlocks nothing, and new cases are sealed to a key they never had.
    /// The command line rotates in the foreground (`rotateInBackground: false`) and reports.
    public func remove(username: String, by session: Session, rotateInBackground: Bool = true) async throws {
        guard session.isLead || session.role == .analyst else { throw AccessError.notFound }
        let member = try await colleague(username, of: session)
        if session.role == .analyst { return try await removeAnalyst(member, by: session) }
        var manifest: SignedKeyManifest?
        if session.officeID != nil {
            // Open the current secrets first: a lead who removes themselves still rotates.
            let (current, secrets) = try await keyGuard.requireIntactKeys(session)
            manifest = try SignedKeyManifest(current.without(memberID: member.id), secrets: secrets)
        }
        do {
            try await store.removeMember(member, manifest: manifest, audit: .member(session.username, .memberRemoved, username))
        } catch MemberStoreError.lastLead {
            throw FieldError.invalid(field: "username", message: "the last lead of an office cannot be removed")
        } catch MemberStoreError.lastAnalyst {
            throw FieldError.invalid(field: "username", message: "the last analyst of the Verband cannot be removed")
        } catch MemberStoreError.membersChanged {
            throw AccessError.busy
        }
        await sessions.closeAll(memberID: member.id)
        if let officeID = session.officeID {
            // A rotation already running sealed its new key to the removed member too: ask for
            // another one, which starts when it ends (or at once if none runs).
            try await store.requestRotation(officeID: officeID)
            _ = try await beginRotation(officeID: officeID, by: session)
            if rotateInBackground { resumeRotationInBackground(officeID: officeID, session: session) }
        }
    }

    public func changeRole(username: String, to role: MemberRole, by session: Session) async throws {
        _ = try requireLead(session)
        guard role == .lead || role == .counsellor else {
            throw FieldError.invalid(field: "role", message: "an office member is a counsellor or a lead")
        }
        let member = try await colleague(username, of: session)
        guard member.role != role else { return }
        let (current, secrets) = try await keyGuard.requireIntactKeys(session)
        let changed = Member(
            id: member.id, username: member.username, officeID: member.officeID, role: role,
            publicKey: member.publicKey, wrappedSecret: member.wrappedSecret)
        let manifest = try SignedKeyManifest(current.with(member: changed), secrets: secrets)
        do {
            try await store.changeRole(
                member, to: role, manifest: manifest, audit: .member(session.username, .memberRoleChanged, "\(username) \(role.rawValue)"))
        } catch MemberStoreError.lastLead {
            throw FieldError.invalid(field: "role", message: "the last lead of an office cannot become a counsellor")
        } catch MemberStoreError.membersChanged {
            throw AccessError.busy
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
        let unlocked: (keyPair: BoxKeyPair, root: [UInt8]?)?
        do {
            unlocked = try await hashing { try? member.unlockKeys(passphrase: current) }
        } catch {
            await throttle.finish(attempt, succeeded: false)
            throw error
        }
        guard let unlocked, unlocked.keyPair.publicKey == member.publicKey else {
            await throttle.finish(attempt, succeeded: false)
            try await record(session, .passphraseChangeFailed)
            throw FieldError.invalid(field: "current", message: "the current passphrase is wrong")
        }
        await throttle.finish(attempt, succeeded: true)
        // The office root stays in the wrap: it is what tells the office's secrets from forged ones.
        let updated = Member(
            id: member.id, username: member.username, officeID: member.officeID, role: member.role,
            publicKey: member.publicKey,
            wrappedSecret: try await wrap(
                Member.wrapped(unlocked.keyPair.secretKey, root: unlocked.root ?? session.officeRoot),
                passphrase: new))
        try await store.replaceKeys(of: updated, officeSeals: [], manifest: nil, audit: .member(session.username, .passphraseChanged))
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
        guard
            let secretSeal = try await store.officeSeal(
                officeID: officeID, version: office.keyVersion, recipient: "recovery", purpose: .officeSecret),
            let ringSeal = try await store.officeSeal(
                officeID: officeID, version: office.keyVersion, recipient: "recovery", purpose: .statistics),
            let secrets = try? OfficeSecrets(
                version: office.keyVersion, officeSecretSeal: secretSeal, statisticsSeal: ringSeal, with: recovery),
            secrets.keyPair.publicKey == office.publicKey
        else { throw AccessError.unauthorized }
        // The recovery code opened these secrets, so they are the office's own: the rows must
        // agree with the manifest they authenticate before anything is sealed to a new key.
        let report = try await keyGuard.keyReport(office: office, secrets: secrets, root: secrets.rootFingerprint)
        guard report.isIntact, let current = report.manifest else {
            try await keyGuard.raiseAlarm(officeID: officeID, actor: "recovery", problems: report.problems)
            throw AccessError.keyIntegrity(report.problems.map(\.message).joined(separator: "; "))
        }
        let keyPair = BoxKeyPair()
        let wrapped = try await wrap(Member.wrapped(keyPair.secretKey, root: secrets.rootFingerprint), passphrase: passphrase)
        let audit = AuditEvent.member("recovery", .officeRecovered, username)
        if let existing = try await store.member(username: username) {
            guard existing.officeID == officeID else {
                throw FieldError.invalid(field: "username", message: "the username \(username) belongs to another office")
            }
            let member = Member(
                id: existing.id, username: username, officeID: officeID, role: .lead,
                publicKey: keyPair.publicKey, wrappedSecret: wrapped)
            try await store.replaceKeys(
                of: member, officeSeals: secrets.seals(to: member.publicKey, recipientName: member.id.hex),
                manifest: try SignedKeyManifest(current.with(member: member), secrets: secrets), audit: audit)
            await sessions.closeAll(memberID: member.id)
            return member
        }
        let member = Member(
            id: .random(), username: username, officeID: officeID, role: .lead,
            publicKey: keyPair.publicKey, wrappedSecret: wrapped)
        try await store.addRecoveredLead(
            member, officeSeals: secrets.seals(to: member.publicKey, recipientName: member.id.hex),
            manifest: try SignedKeyManifest(current.with(member: member), secrets: secrets), audit: audit)
        return member
    }
}
