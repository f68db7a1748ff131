import Casework
import Foundation
import Intake
import Members
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing

/// `MemberStore`: key manifests, the recovery key, case key checks and office key rotation.
extension MemberStoreConformance {
    @Test(arguments: Engine.allCases) func aManifestDescribesTheOfficeAndIsReplacedOnlyWhenItStillDoes(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        guard case .present(let stored) = try await fixture.members.keyManifest(officeID: fixture.office.id) else {
            Issue.record("createOffice and addMember write the manifest")
            return
        }
        #expect(stored.manifest.officeID == fixture.office.id)
        #expect(stored.manifest.officePublicKey == fixture.office.publicKey)
        #expect(stored.manifest.recoveryPublicKey == fixture.keys.recoveryPublicKey)
        #expect(Set(stored.manifest.members.map(\.memberID)) == [fixture.lead.id, fixture.counsellor.id])
        #expect(stored.isAuthentic(under: fixture.keys.secrets))
        #expect(try await fixture.members.keyManifest(officeID: .random()) == .missing)

        let stale = try await fixture.manifest { $0.without(memberID: fixture.counsellor.id) }
        await #expect(throws: MemberStoreError.membersChanged) {
            try await fixture.members.storeManifest(stale, audit: fixture.event("lead.a", .keyManifestConfirmed))
        }
        #expect(try await fixture.members.keyManifest(officeID: fixture.office.id) == .present(stored))
        let verbandKey = BoxKeyPair().publicKey
        let confirmed = try await fixture.manifest { $0.with(verbandPublicKey: verbandKey) }
        try await fixture.members.storeManifest(confirmed, audit: fixture.event("lead.a", .keyManifestConfirmed))
        #expect(try await fixture.members.keyManifest(officeID: fixture.office.id) == .present(confirmed))
        #expect(try await fixture.actions() == ["office.key_manifest_confirmed"])
    }

    /// A new recovery code: the old recovery seals open nothing any more.
    @Test(arguments: Engine.allCases) func replacingTheRecoveryKeyReplacesItsSeals(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let recovery = BoxKeyPair()
        let seals = fixture.keys.seals(to: recovery.publicKey, recipientName: "recovery", version: 1)
        await #expect(throws: MemberStoreError.keyVersionChanged) {
            try await fixture.members.replaceRecoveryKey(
                officeID: fixture.office.id, recoveryKey: recovery.publicKey,
                seals: fixture.keys.seals(to: recovery.publicKey, recipientName: "recovery", version: 2),
                manifest: try await fixture.manifest { $0.with(recoveryPublicKey: recovery.publicKey) },
                audit: fixture.event("lead.a", .recoveryCodeRenewed))
        }
        #expect(try await fixture.members.recoveryKey(officeID: fixture.office.id) == fixture.keys.recoveryPublicKey)
        try await fixture.members.replaceRecoveryKey(
            officeID: fixture.office.id, recoveryKey: recovery.publicKey, seals: seals,
            manifest: try await fixture.manifest { $0.with(recoveryPublicKey: recovery.publicKey) },
            audit: fixture.event("lead.a", .recoveryCodeRenewed))
        #expect(try await fixture.members.recoveryKey(officeID: fixture.office.id) == recovery.publicKey)
        let sealed = try #require(
            try await fixture.members.officeSeal(officeID: fixture.office.id, version: 1, recipient: "recovery", purpose: .officeSecret))
        #expect(try SealedBox.open(sealed, with: recovery).copyBytes() == fixture.keys.keyPair.secretKey.copyBytes())
        #expect(try await fixture.actions() == ["office.recovery_code_renewed"])
    }

    @Test(arguments: Engine.allCases) func newCaseKeysAreCheckedOnceAndAlarmsAppended(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let first = try await fixture.create(fixture.newCase(audit: false))
        let second = try await fixture.create(fixture.newCase(audit: false))
        try await fixture.create(fixture.newCase(officeID: fixture.other.id, audit: false))
        let unchecked = try await fixture.members.uncheckedCaseKeys(officeID: fixture.office.id, limit: 10)
        #expect(Set(unchecked.map(\.caseID)) == [first.id, second.id])
        #expect(unchecked.allSatisfy { $0.keyVersion == 1 })
        #expect(try await fixture.members.uncheckedCaseKeys(officeID: fixture.office.id, limit: 1).count == 1)
        try await fixture.members.markCaseKeysChecked(
            [first.id], officeID: fixture.office.id, alarms: [fixture.event("system", .integrityAlarm, "case \(first.id.hex)")])
        #expect(try await fixture.members.uncheckedCaseKeys(officeID: fixture.office.id, limit: 10).map(\.caseID) == [second.id])
        #expect(try await fixture.members.uncheckedCaseKeys(officeID: fixture.other.id, limit: 10).count == 1)
        #expect(try await fixture.actions() == ["integrity.alarm"])
    }

    @Test(arguments: Engine.allCases) func aRotationRequestAndItsFailureAreKept(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        #expect(!(try await fixture.members.rotationRequested(officeID: fixture.office.id)))
        try await fixture.members.requestRotation(officeID: fixture.office.id)
        #expect(try await fixture.members.rotationRequested(officeID: fixture.office.id))
        #expect(!(try await fixture.members.rotationRequested(officeID: fixture.other.id)))
        try await beginRotation(fixture)
        #expect(!(try await fixture.members.rotationRequested(officeID: fixture.office.id)), "a rotation that starts answers the request")
        try await fixture.members.recordRotationFailure(officeID: fixture.office.id, reason: "disk full")
        #expect(try await fixture.members.rotation(officeID: fixture.office.id)?.failure == "disk full")
    }

    /// Starts rotating office A from version 1 to 2; returns the new secrets.
    @discardableResult
    private func beginRotation(_ fixture: ConformanceFixture, leaving out: Member? = nil) async throws -> OfficeSecrets {
        let next = OfficeSecrets(
            version: 2, keyPair: BoxKeyPair(),
            statisticsRing: SecureBytes.concatenating([fixture.keys.statisticsKey, SecureBytes(randomCount: 32)]))
        var seals = next.seals(to: fixture.keys.recoveryPublicKey, recipientName: "recovery")
        for member in [fixture.lead, fixture.counsellor] where member != out {
            seals += next.seals(to: member.publicKey, recipientName: member.id.hex)
        }
        try await fixture.members.beginRotation(
            officeID: fixture.office.id, from: 1, to: next, seals: seals,
            manifest: try await fixture.manifest(secrets: next) { $0.rotated(to: 2, officePublicKey: next.keyPair.publicKey) },
            audit: fixture.event("lead.a", .keyRotationStarted, "2"))
        return next
    }

    @Test(arguments: Engine.allCases) func aRotationResealsEveryCaseThenEnds(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let cases = [try await fixture.create(fixture.newCase(audit: false)), try await fixture.create(fixture.newCase(audit: false))]
        let invitation = try Invitation.issue(secrets: fixture.keys.secrets.combined)
        try await fixture.members.createInvitation(
            invitation, officeID: fixture.office.id, role: .counsellor, createdBy: fixture.lead.id,
            audit: fixture.event("lead.a", .invitationCreated))
        let next = try await beginRotation(fixture)

        let office = try #require(try await fixture.members.office(id: fixture.office.id))
        #expect(office.keyVersion == 2)
        #expect(office.publicKey == next.keyPair.publicKey, "new cases are sealed to the new key at once")
        let running = try #require(try await fixture.members.rotation(officeID: fixture.office.id))
        #expect(running.fromVersion == 1 && running.toVersion == 2 && running.remaining == 2)
        #expect(running.startedBy == "lead.a")
        #expect(try await fixture.members.invitation(tokenHash: invitation.tokenHash) == nil, "invitations carried the old secrets")
        #expect(
            try await fixture.members.officeSeal(
                officeID: fixture.office.id, version: 2, recipient: fixture.lead.id.hex, purpose: .officeSecret) != nil)
        await #expect(throws: MemberStoreError.rotationRunning) { try await beginRotation(fixture) }
        #expect(
            !(try await fixture.members.finishRotation(
                officeID: fixture.office.id, audit: fixture.event("lead.a", .keyRotationFinished, "2"))))

        let toReseal = try await fixture.members.casesToReseal(officeID: fixture.office.id, below: 2, limit: 10)
        #expect(Set(toReseal.map(\.caseID)) == Set(cases.map(\.id)))
        #expect(Set(toReseal.map(\.sealed)) == Set(cases.map(\.keys.sealed)))
        #expect(try await fixture.members.casesToReseal(officeID: fixture.office.id, below: 2, limit: 1).count == 1)
        let resealed = toReseal.map { SealedCaseKeys(caseID: $0.caseID, keyVersion: $0.keyVersion, sealed: [2, 2, 2]) }
        try await fixture.members.storeResealed(resealed, officeID: fixture.office.id, version: 2)
        #expect(try await fixture.members.casesToReseal(officeID: fixture.office.id, below: 2, limit: 10).isEmpty)
        #expect(try await fixture.members.rotation(officeID: fixture.office.id)?.remaining == 0)
        let row = try #require(try await fixture.row(cases[0].id))
        #expect(row.keys.keyVersion == 2 && row.keys.sealed == [2, 2, 2])

        #expect(
            try await fixture.members.finishRotation(officeID: fixture.office.id, audit: fixture.event("lead.a", .keyRotationFinished, "2"))
        )
        #expect(try await fixture.members.rotation(officeID: fixture.office.id) == nil)
        #expect(
            try await fixture.members.officeSeal(
                officeID: fixture.office.id, version: 1, recipient: fixture.lead.id.hex, purpose: .officeSecret) == nil,
            "the old secret is deleted")
        #expect(
            try await fixture.members.officeSeal(officeID: fixture.office.id, version: 2, recipient: "recovery", purpose: .statistics)
                != nil)
        #expect(try await fixture.actions() == ["invitation.created", "office.key_rotation_started", "office.key_rotation_finished"])
        #expect(try await fixture.verify() == .intact(count: 3))
    }

    /// Intake checks the key version a report was sealed to: the old one while a rotation runs, not after.
    @Test(arguments: Engine.allCases) func reportsSealedToTheOldKeyAreTakenOnlyWhileTheRotationRuns(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        try await beginRotation(fixture)
        let during = fixture.intake(keyVersion: 1)
        try await fixture.stores.reports.submit(during)
        #expect(try await fixture.members.rotation(officeID: fixture.office.id)?.remaining == 1, "it joins the cases to re-seal")
        let toReseal = try await fixture.members.casesToReseal(officeID: fixture.office.id, below: 2, limit: 10)
        #expect(toReseal.map(\.caseID) == [during.caseID])
        try await fixture.members.storeResealed(
            toReseal.map { SealedCaseKeys(caseID: $0.caseID, keyVersion: 1, sealed: [2]) }, officeID: fixture.office.id, version: 2)
        #expect(
            try await fixture.members.uncheckedCaseKeys(officeID: fixture.office.id, limit: 10).isEmpty, "re-sealed keys count as checked")
        #expect(try await fixture.members.finishRotation(officeID: fixture.office.id, audit: fixture.event("lead.a", .keyRotationFinished)))
        let after = fixture.intake(keyVersion: 1)
        await #expect(throws: StoreError.self) { try await fixture.stores.reports.submit(after) }
        #expect(try await fixture.row(after.caseID) == nil)
        try await fixture.stores.reports.submit(fixture.intake(keyVersion: 2))
        #expect(try await fixture.caseFiles.countCases(CaseQuery(officeID: fixture.office.id)) == 2)
    }

    /// Keys sealed again by an update are written only while the case is on the version they were opened with.
    @Test(arguments: Engine.allCases) func anUpdateDoesNotOverwriteKeysResealedMeanwhile(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let row = try await fixture.create(fixture.newCase(audit: false))
        try await beginRotation(fixture)
        try await fixture.members.storeResealed(
            [SealedCaseKeys(caseID: row.id, keyVersion: 1, sealed: [2, 2])], officeID: fixture.office.id, version: 2)
        var update = CaseUpdate(row: row)
        update.step = "intervention"
        update.sealedKeys = [1, 1]
        try await fixture.caseFiles.update(update)
        let after = try #require(try await fixture.row(row.id))
        #expect(after.step == "intervention")
        #expect(after.keys == SealedCaseKeys(caseID: row.id, keyVersion: 2, sealed: [2, 2]))
    }

    /// Re-sealed keys are stored only for a case still on the version they were read at.
    @Test(arguments: Engine.allCases) func resealingSkipsACaseThatMovedOn(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let file = try await fixture.create(fixture.newCase(audit: false))
        try await beginRotation(fixture)
        try await fixture.members.storeResealed(
            [SealedCaseKeys(caseID: file.id, keyVersion: 1, sealed: [2])], officeID: fixture.office.id, version: 2)
        try await fixture.members.storeResealed(
            [SealedCaseKeys(caseID: file.id, keyVersion: 1, sealed: [3])], officeID: fixture.office.id, version: 2)
        #expect(try await fixture.row(file.id)?.keys.sealed == [2])
    }

    /// Seals made before a rotation started are refused: they would open only the old secret.
    @Test(arguments: Engine.allCases) func anEnrolmentWithSealsOfTheOldVersionIsRefusedDuringARotation(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let invitation = try Invitation.issue(secrets: fixture.keys.secrets.combined)
        try await fixture.stores.setup.createInvitation(invitation, officeID: fixture.office.id, role: .counsellor)
        let next = try await beginRotation(fixture)
        let late = try Invitation.issue(secrets: fixture.keys.secrets.combined)
        try await fixture.stores.setup.createInvitation(late, officeID: fixture.office.id, role: .counsellor)
        let jonas = try ConformanceFixture.member("jonas", .counsellor, officeID: fixture.office.id)
        await #expect(throws: MemberStoreError.keyVersionChanged) {
            try await fixture.members.enrol(
                jonas, invitationHash: late.tokenHash, now: Date(),
                officeSeals: fixture.keys.seals(to: jonas.publicKey, recipientName: jonas.id.hex, version: 1), verbandSeal: nil,
                manifest: nil, audit: fixture.event("jonas", .memberEnrolled))
        }
        #expect(try await fixture.members.member(username: "jonas") == nil)
        #expect(try await fixture.members.invitation(tokenHash: invitation.tokenHash) == nil, "the rotation dropped the earlier one")
        await #expect(throws: MemberStoreError.rotationRunning, "a rotation from a version the office left") {
            try await fixture.members.beginRotation(
                officeID: fixture.office.id, from: 1,
                to: OfficeSecrets(version: 2, keyPair: BoxKeyPair(), statisticsRing: SecureBytes(randomCount: 64)),
                seals: [], manifest: try await fixture.manifest(secrets: next), audit: fixture.event("lead.a", .keyRotationStarted))
        }
    }

    /// The new secrets must be sealed to exactly the office's members and the recovery key.
    @Test(arguments: Engine.allCases) func aRotationMissingAMemberIsRefused(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        await #expect(throws: MemberStoreError.membersChanged) { try await beginRotation(fixture, leaving: fixture.counsellor) }
        #expect(try await fixture.members.rotation(officeID: fixture.office.id) == nil)
        #expect(try await fixture.members.office(id: fixture.office.id) == fixture.office)
        #expect(
            try await fixture.members.officeSeal(officeID: fixture.office.id, version: 2, recipient: "recovery", purpose: .officeSecret)
                == nil)
        #expect(try await fixture.actions().isEmpty)
    }
}
