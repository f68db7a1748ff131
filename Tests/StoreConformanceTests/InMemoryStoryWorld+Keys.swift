import Casework
import Foundation
import Members
import Sealing
import SichtbarCore

/// Enrolment refusals, recovery refusals and a key rotation at the store seams.
extension InMemoryStoryWorld {
    func keys(_ log: inout InMemoryTranscript) async throws {
        let store = stores.members
        guard case .present(let current) = try await store.keyManifest(officeID: officeA.id) else { return }
        let secrets = inputs.keysA.secrets
        let invitation = try Invitation.issue(secrets: SecureBytes(randomCount: 64), now: clock.now)
        try await stores.setup.createInvitation(invitation, officeID: officeA.id, role: .counsellor)
        let (taken, _) = try Member.create(
            username: "lead.a", officeID: officeA.id, role: .counsellor, passphrase: SecureBytes(randomCount: 8))
        await log.attempt("enrol a taken name") {
            try await store.enrol(
                taken, invitationHash: invitation.tokenHash, now: clock.now, officeSeals: [], verbandSeal: nil, manifest: nil,
                audit: .member("x", .memberEnrolled))
        }
        let (late, lateKeys) = try Member.create(
            username: "spaet", officeID: officeA.id, role: .counsellor, passphrase: SecureBytes(randomCount: 8))
        await log.attempt("enrol with old seals") {
            try await store.enrol(
                late, invitationHash: invitation.tokenHash, now: clock.now,
                officeSeals: inputs.keysA.seals(to: lateKeys.publicKey, recipientName: late.id.hex, version: 7), verbandSeal: nil,
                manifest: nil, audit: .member("x", .memberEnrolled))
        }
        await log.attempt("enrol after expiry") {
            try await store.enrol(
                late, invitationHash: invitation.tokenHash, now: clock.now.addingTimeInterval(Invitation.validity + 1), officeSeals: [],
                verbandSeal: nil, manifest: nil, audit: .member("x", .memberEnrolled))
        }
        await log.attempt("recovered lead of a taken name") {
            try await store.addRecoveredLead(taken, officeSeals: [], manifest: current, audit: .member("recovery", .officeRecovered))
        }
        await log.attempt("recovery key of another version") {
            try await store.replaceRecoveryKey(
                officeID: officeA.id, recoveryKey: inputs.keysB.recoveryPublicKey,
                seals: inputs.keysA.seals(to: inputs.keysB.recoveryPublicKey, recipientName: "recovery", version: 2), manifest: current,
                audit: .member("x", .recoveryCodeRenewed))
        }
        try await rotate(current, secrets: secrets, &log)
    }

    func rotate(_ current: SignedKeyManifest, secrets: OfficeSecrets, _ log: inout InMemoryTranscript) async throws {
        let store = stores.members
        let next = OfficeSecrets(
            version: 2, keyPair: BoxKeyPair(),
            statisticsRing: SecureBytes.concatenating([inputs.keysA.statisticsKey, SecureBytes(randomCount: 32)]))
        let people = try await store.members(officeID: officeA.id)
        var seals = next.seals(to: inputs.keysA.recoveryPublicKey, recipientName: "recovery")
        for member in people { seals += next.seals(to: member.publicKey, recipientName: member.id.hex) }
        let manifest = try SignedKeyManifest(current.manifest.rotated(to: 2, officePublicKey: next.keyPair.publicKey), secrets: next)
        let audit = AuditEvent.member("lead.a", .keyRotationStarted, "version 2")
        await log.attempt("rotate from a wrong version") {
            try await store.beginRotation(officeID: officeA.id, from: 2, to: next, seals: seals, manifest: manifest, audit: audit)
        }
        await log.attempt("rotate without the recovery seal") {
            try await store.beginRotation(
                officeID: officeA.id, from: 1, to: next, seals: Array(seals.dropFirst(2)), manifest: manifest, audit: audit)
        }
        try await store.beginRotation(officeID: officeA.id, from: 1, to: next, seals: seals, manifest: manifest, audit: audit)
        await log.attempt("rotate twice") {
            try await store.beginRotation(officeID: officeA.id, from: 1, to: next, seals: seals, manifest: manifest, audit: audit)
        }
        let state = try await store.rotation(officeID: officeA.id)
        log.add(
            "rotation: \(state.map { "\($0.fromVersion)→\($0.toVersion) \($0.startedBy) \($0.remaining) \($0.failure ?? "-")" } ?? "-")")
        try await store.recordRotationFailure(officeID: officeA.id, reason: "disk")
        log.add(
            "failure: \(try await store.rotation(officeID: officeA.id)?.failure ?? "-") requested \(try await store.rotationRequested(officeID: officeA.id))"
        )
        let old = try await store.casesToReseal(officeID: officeA.id, below: 2, limit: 1)
        log.add("to reseal: \(old.map { "\($0.caseID.hex) v\($0.keyVersion)" })")
        let stale = old.map { SealedCaseKeys(caseID: $0.caseID, keyVersion: 0, sealed: [1]) }
        try await store.storeResealed(stale, officeID: officeA.id, version: 2)
        log.add("finish early: \(try await store.finishRotation(officeID: officeA.id, audit: .member("lead.a", .keyRotationFinished)))")
        let all = try await store.casesToReseal(officeID: officeA.id, below: 2, limit: 100)
        try await store.storeResealed(
            all.map { SealedCaseKeys(caseID: $0.caseID, keyVersion: $0.keyVersion, sealed: [2]) }, officeID: officeA.id, version: 2)
        log.add(
            "finish: \(try await store.finishRotation(officeID: officeA.id, audit: .member("lead.a", .keyRotationFinished, "version 2")))")
        log.add(
            "old seal: \(try await store.officeSeal(officeID: officeA.id, version: 1, recipient: "recovery", purpose: .officeSecret) != nil)"
        )
        log.add(
            "office: v\(try await store.office(id: officeA.id)?.keyVersion ?? 0) \(try await store.office(id: officeA.id)?.publicKey == next.keyPair.publicKey)"
        )
        if let (row, _) = try await stores.caseFiles.caseFile(id: inputs.caseIDs[2], officeID: officeA.id) {
            log.add("resealed: v\(row.keys.keyVersion) \(row.keys.sealed)")
        }
        await log.attempt("intake to the old key") {
            try await stores.reports.submit(intake(6))
        }
    }
}
