import Foundation
import Intake
import Members
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing

/// `MemberStore`: the Verband's key rotation and manifest, and what set-up writes directly.
extension MemberStoreConformance {
    /// The Verband with a second analyst enrolled; returns both analysts and the manifest secrets.
    private func verbandWithTwoAnalysts(_ fixture: ConformanceFixture) async throws -> (Verband, Member, Member, OfficeSecrets) {
        let (verband, first, _, secrets) = try await fixture.createVerband()
        let invitation = try Invitation.issue(secrets: SecureBytes(randomCount: 32))
        try await fixture.members.createInvitation(
            invitation, officeID: nil, role: .analyst, createdBy: first.id, audit: fixture.event("analyse", .invitationCreated))
        let second = try ConformanceFixture.member("analyse2", .analyst, officeID: nil)
        guard case .present(let current) = try await fixture.members.verbandManifest() else { throw StoreError.notFound }
        try await fixture.members.enrol(
            second, invitationHash: invitation.tokenHash, now: Date(), officeSeals: [], verbandSeal: [1],
            manifest: try SignedKeyManifest(current.manifest.with(member: second), secrets: secrets),
            audit: fixture.event("analyse2", .memberEnrolled))
        return (verband, first, second, secrets)
    }

    private func verbandManifest(_ fixture: ConformanceFixture) async throws -> KeyManifest {
        guard case .present(let current) = try await fixture.members.verbandManifest() else { throw StoreError.notFound }
        return current.manifest
    }

    /// Removing an analyst rotates the Verband key: one transaction with the new key, the seals, the manifest, the events.
    @Test(arguments: Engine.allCases) func aVerbandRotationRemovesTheAnalystAndResealsTheRest(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let (verband, first, second, secrets) = try await verbandWithTwoAnalysts(fixture)
        let pending = try Invitation.issue(secrets: SecureBytes(randomCount: 32))
        try await fixture.members.createInvitation(
            pending, officeID: nil, role: .analyst, createdBy: first.id, audit: fixture.event("analyse", .invitationCreated))
        let newKey = BoxKeyPair().publicKey
        let current = try await verbandManifest(fixture)
        let manifest = try SignedKeyManifest(
            KeyManifest(
                officeID: verband.id, keyVersion: current.keyVersion, officePublicKey: newKey, recoveryPublicKey: current.recoveryPublicKey,
                members: [KeyManifest.Entry(first)], verbandPublicKey: nil), secrets: secrets)
        try await fixture.members.rotateVerband(
            from: current.keyVersion, publicKey: newKey, seals: [first.id: [5, 5]], removing: second.id, manifest: manifest,
            audit: [fixture.event("analyse", .memberRemoved, "analyse2"), fixture.event("analyse", .verbandKeyRotated)])
        #expect(try await fixture.members.verband()?.publicKey == newKey)
        #expect(try await fixture.members.members(officeID: nil) == [first])
        #expect(try await fixture.members.verbandSeal(memberID: first.id) == [5, 5])
        #expect(try await fixture.members.verbandSeal(memberID: second.id) == nil)
        #expect(try await fixture.members.invitation(tokenHash: pending.tokenHash) == nil, "invitations carried the old ring")
        #expect(try await fixture.members.verbandManifest() == .present(manifest))
        #expect(Array(try await fixture.actions(verband.id).suffix(2)) == ["member.removed", "verband.key_rotated"])
        #expect(try await fixture.verify(verband.id) == .intact(count: 6))
    }

    @Test(arguments: Engine.allCases) func aVerbandRotationOverStaleFactsIsRefused(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let (verband, first, second, secrets) = try await verbandWithTwoAnalysts(fixture)
        let current = try await verbandManifest(fixture)
        let newKey = BoxKeyPair().publicKey
        let manifest = try SignedKeyManifest(
            KeyManifest(
                officeID: verband.id, keyVersion: current.keyVersion, officePublicKey: newKey, recoveryPublicKey: current.recoveryPublicKey,
                members: current.members, verbandPublicKey: nil), secrets: secrets)
        let events = [fixture.event("analyse", .verbandKeyRotated)]
        await #expect(throws: MemberStoreError.membersChanged, "the version moved on") {
            try await fixture.members.rotateVerband(
                from: current.keyVersion + 1, publicKey: newKey, seals: [first.id: [5], second.id: [6]], removing: nil, manifest: manifest,
                audit: events)
        }
        await #expect(throws: MemberStoreError.membersChanged, "a seal for every analyst") {
            try await fixture.members.rotateVerband(
                from: current.keyVersion, publicKey: newKey, seals: [first.id: [5]], removing: nil, manifest: manifest, audit: events)
        }
        #expect(try await fixture.members.verband() == verband)
        #expect(try await fixture.members.verbandSeal(memberID: second.id) == [1])
        #expect(try await fixture.actions(verband.id).count == 3)

        try await fixture.members.removeMember(second, manifest: nil, audit: fixture.event("analyse", .memberRemoved, "analyse2"))
        await #expect(throws: MemberStoreError.lastAnalyst) {
            try await fixture.members.rotateVerband(
                from: current.keyVersion, publicKey: newKey, seals: [:], removing: first.id, manifest: manifest, audit: events)
        }
        #expect(try await fixture.members.members(officeID: nil) == [first])
    }

    /// A Verband manifest is stored only while it names the analysts as they are.
    @Test(arguments: Engine.allCases) func aVerbandManifestMustDescribeTheAnalysts(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let (verband, first, second, secrets) = try await verbandWithTwoAnalysts(fixture)
        let current = try await verbandManifest(fixture)
        #expect(Set(current.members.map(\.memberID)) == [first.id, second.id])
        let stale = try SignedKeyManifest(current.without(memberID: second.id), secrets: secrets)
        await #expect(throws: MemberStoreError.membersChanged) {
            try await fixture.members.storeVerbandManifest(stale, audit: fixture.event("analyse", .verbandManifestCreated))
        }
        let renewed = try SignedKeyManifest(current.with(verbandPublicKey: BoxKeyPair().publicKey), secrets: secrets)
        try await fixture.members.storeVerbandManifest(renewed, audit: fixture.event("analyse", .verbandManifestCreated))
        #expect(try await fixture.members.verbandManifest() == .present(renewed))
        #expect(try await fixture.actions(verband.id).last == "verband.key_manifest_created")
    }

    // MARK: Set-up and rotation races

    /// An invitation made at set-up has no creator and no event, and enrols like any other.
    @Test(arguments: Engine.allCases) func aSetUpInvitationEnrolsWithoutAnEvent(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let invitation = try Invitation.issue(secrets: fixture.keys.secrets.combined)
        try await fixture.stores.setup.createInvitation(invitation, officeID: fixture.office.id, role: .lead)
        #expect(try await fixture.members.invitation(tokenHash: invitation.tokenHash)?.role == .lead)
        #expect(try await fixture.members.pendingInvitations(officeID: fixture.office.id, now: Date()).count == 1)
        #expect(try await fixture.actions().isEmpty)
        let jonas = try ConformanceFixture.member("jonas", .lead, officeID: fixture.office.id)
        try await fixture.members.enrol(
            jonas, invitationHash: invitation.tokenHash, now: Date(),
            officeSeals: fixture.keys.seals(to: jonas.publicKey, recipientName: jonas.id.hex, version: 1), verbandSeal: nil,
            manifest: try await fixture.manifest { $0.with(member: jonas) }, audit: fixture.event("jonas", .memberEnrolled))
        #expect(try await fixture.members.member(username: "jonas")?.role == .lead)
    }

    /// The set-up helper hashes a real passphrase once: the member unlocks their key, which opens their seals.
    @Test(arguments: Engine.allCases) func aMemberCreatedAtSetUpOpensTheOfficeSecrets(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let passphrase = SecureBytes(utf8: "Kaffee-Tasse-Ruhrpott-7")
        let (member, keyPair) = try await fixture.stores.setup.createMember(
            username: "margarete", role: .lead, office: fixture.office, keys: fixture.keys, passphrase: passphrase)
        let stored = try #require(try await fixture.members.member(username: "margarete"))
        #expect(stored == member)
        #expect(try stored.unlock(passphrase: passphrase).publicKey == keyPair.publicKey)
        let sealed = try #require(
            try await fixture.members.officeSeal(officeID: fixture.office.id, version: 1, recipient: member.id.hex, purpose: .officeSecret))
        #expect(try SealedBox.open(sealed, with: keyPair).copyBytes() == fixture.keys.keyPair.secretKey.copyBytes())
        guard case .present(let manifest) = try await fixture.members.keyManifest(officeID: fixture.office.id) else {
            Issue.record("no manifest")
            return
        }
        #expect(manifest.manifest.members.contains(KeyManifest.Entry(member)))
    }
}
