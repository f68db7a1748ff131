import Foundation
import Sealing
import SichtbarCore

extension MemberService {
    /// The key checks, shared with the release service; callers go through it directly.
    public var keyGuard: KeyGuard { KeyGuard(store: store) }

    /// At login: checks the keys and the cases that arrived since the last check. Problems are
    /// alarmed and kept on the session (leads' pages show them); a wrap made before manifests
    /// gains the office root here (trust on first use, once).
    func checkAtLogin(_ session: Session, member: Member, passphrase: SecureBytes) async throws {
        guard let officeID = session.officeID, let office = try await store.office(id: officeID) else { return }
        guard let secrets = try? await session.officeSecrets(version: office.keyVersion, store: store) else {
            // A member without seals of the current version (a rotation sealed after they were
            // removed, or rows tampered with) cannot check; their work is refused later anyway.
            return
        }
        let report = try await keyGuard.keyReport(office: office, secrets: secrets, root: session.officeRoot)
        session.setKeyProblems(report.problems.map(\.code))
        try await keyGuard.raiseAlarm(officeID: officeID, actor: session.username, problems: report.problems)
        guard report.isIntact else { return }
        if session.officeRoot == nil {
            let keys = session.memberKeys
            let wrapped = try await hashing {
                try PassphraseWrap.wrap(Member.wrapped(keys.secretKey, root: secrets.rootFingerprint), passphrase: passphrase)
            }
            let upgraded = Member(
                id: member.id, username: member.username, officeID: member.officeID, role: member.role,
                publicKey: member.publicKey, wrappedSecret: wrapped)
            try await store.replaceKeys(
                of: upgraded, officeSeals: [], manifest: nil,
                audit: .member(session.username, .passphraseChanged, "office root"))
        }
        try await checkCaseKeys(officeID: officeID, manifest: report.manifest, actor: session.username)
    }

    /// Cases sealed since the last check must name the office key of their version: one sealed
    /// to another key (the office row swapped while nobody was logged in) raises the alarm.
    func checkCaseKeys(officeID: EntityID, manifest: KeyManifest?, actor: String) async throws {
        guard let manifest else { return }
        let expected = KeyFingerprint.bytes(manifest.officePublicKey)
        while true {
            let batch = try await store.uncheckedCaseKeys(officeID: officeID, limit: 2_000)
            if batch.isEmpty { return }
            var alarms: [AuditEvent] = []
            for item in batch where item.keyVersion == manifest.keyVersion {
                if let sealedTo = item.sealedTo, !Sodium.constantTimeEqual(sealedTo, expected) {
                    alarms.append(.member(actor, .integrityAlarm, "case_key \(item.caseID.hex)"))
                }
            }
            // Cases of an older version are checked by the rotation that re-seals them.
            try await store.markCaseKeysChecked(batch.map(\.caseID), officeID: officeID, alarms: alarms)
            if batch.count < 2_000 { return }
        }
    }

    /// A lead confirms the keys of an office that has no (readable) manifest, after checking
    /// the fingerprints shown: the manifest is made from the rows as they are.
    public func confirmKeys(by session: Session) async throws {
        let officeID = try requireLead(session)
        let report = try await keyGuard.keyReport(for: session)
        guard report.canConfirmManifest, let recoveryKey = report.recoveryKey else {
            throw FieldError.invalid(
                field: "manifest",
                message: report.isIntact
                    ? "the key manifest is in order; there is nothing to confirm"
                    : "the keys differ from an authentic manifest; this is an alarm, not something to confirm")
        }
        let secrets = try await session.officeSecrets(version: report.office.keyVersion, store: store)
        let manifest = KeyManifest(
            officeID: officeID, keyVersion: report.office.keyVersion, officePublicKey: report.office.publicKey,
            recoveryPublicKey: recoveryKey, members: report.members.map(KeyManifest.Entry.init),
            verbandPublicKey: nil)
        try await store.storeManifest(
            try SignedKeyManifest(manifest, secrets: secrets),
            audit: .member(session.username, .keyManifestConfirmed, "version \(manifest.keyVersion)"))
        session.setKeyProblems([])
    }

    /// A lead pins the server's current Verband key after comparing its fingerprint with the one
    /// the Verband gave them: releases are sealed to no other key.
    public func confirmVerbandKey(fingerprint: String, by session: Session) async throws {
        _ = try requireLead(session)
        let (manifest, secrets) = try await keyGuard.requireIntactKeys(session)
        guard let verband = try await store.verband() else {
            throw FieldError.invalid(field: "fingerprint", message: "this server has no Verband key")
        }
        let expected = KeyFingerprint.of(verband.publicKey)
        let typed = fingerprint.lowercased().filter { $0.isHexDigit }
        guard typed == expected.filter({ $0.isHexDigit }) else {
            throw FieldError.invalid(field: "fingerprint", message: "the fingerprint does not match the Verband key on this server")
        }
        guard manifest.verbandPublicKey != verband.publicKey else { return }
        try await store.storeManifest(
            try SignedKeyManifest(manifest.with(verbandPublicKey: verband.publicKey), secrets: secrets),
            audit: .member(session.username, .verbandKeyConfirmed, expected))
    }

}
