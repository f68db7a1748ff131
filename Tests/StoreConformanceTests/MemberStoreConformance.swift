import Foundation
import Members
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing

/// `MemberStore` and `StoreSetup`: offices, members, seals, invitations and enrolment.
@Suite struct MemberStoreConformance {
    @Test(arguments: Engine.allCases) func officesComeBackInTheOrderTheyWereCreated(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let third = try await fixture.stores.setup.createOffice(
            name: "Beratungsstelle C", profile: ConformanceFixture.notice(regions: ["05913"]), keys: try OfficeKeys.generate())
        let offices = try await fixture.members.offices()
        #expect(offices.map(\.id) == [fixture.office.id, fixture.other.id, third.id])
        #expect(offices.map(\.name) == ["Beratungsstelle A", "Beratungsstelle B", "Beratungsstelle C"])
        #expect(try await fixture.stores.reports.offices().map(\.id) == offices.map(\.id), "the report seam sees the same offices")
        let stored = try #require(try await fixture.members.office(id: third.id))
        #expect(stored == third)
        #expect(stored.keyVersion == 1)
        #expect(stored.profile.regions == ["05913"])
        #expect(try await fixture.members.office(id: .random()) == nil)
    }

    /// Each `make` is a fresh, empty engine: nothing is shared between two of them.
    @Test(arguments: Engine.allCases) func aFreshEngineSharesNothing(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        try await fixture.members.record([fixture.event("lead.a", .caseListViewed)], chain: fixture.office.id)
        try await fixture.submit()
        let fresh = try await engine.make()
        #expect(try await fresh.members.offices().isEmpty)
        #expect(try await fresh.reports.offices().isEmpty)
        #expect(try await fresh.members.member(username: "lead.a") == nil)
        #expect(try await fresh.members.verband() == nil)
        #expect(try await fresh.members.auditEntries(chain: fixture.office.id, from: 1, limit: 10).isEmpty)
        #expect(try await fresh.retention.retentionCandidates().isEmpty)
        #expect(try await fresh.published.history().isEmpty)
    }

    /// An office set up after the Verband pins the Verband's key in its first manifest.
    @Test(arguments: Engine.allCases) func aNewOfficePinsTheVerbandKeyOfSetUp(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        guard case .present(let before) = try await fixture.members.keyManifest(officeID: fixture.office.id) else {
            Issue.record("no manifest")
            return
        }
        #expect(before.manifest.verbandPublicKey == nil, "no Verband at its set-up")
        let (verband, _, _, _) = try await fixture.createVerband()
        let keys = try OfficeKeys.generate()
        let later = try await fixture.stores.setup.createOffice(name: "Beratungsstelle C", profile: ConformanceFixture.notice(), keys: keys)
        guard case .present(let pinned) = try await fixture.members.keyManifest(officeID: later.id) else {
            Issue.record("no manifest")
            return
        }
        #expect(pinned.manifest.verbandPublicKey == verband.publicKey)
        #expect(pinned.manifest.members.isEmpty)
        #expect(pinned.manifest.keyVersion == 1 && pinned.manifest.officePublicKey == keys.keyPair.publicKey)
        #expect(pinned.isAuthentic(under: keys.secrets))
    }

    @Test(arguments: Engine.allCases) func membersRoundTripSortedByUsername(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let anna = try await ConformanceFixture.add("anna", .counsellor, to: fixture.office, keys: fixture.keys, in: fixture.stores)
        #expect(try await fixture.members.members(officeID: fixture.office.id).map(\.username) == ["anna", "berater.a", "lead.a"])
        #expect(try await fixture.members.members(officeID: fixture.other.id) == [fixture.otherLead])
        #expect(try await fixture.members.members(officeID: nil).isEmpty, "no analysts before a Verband")
        #expect(try await fixture.members.member(username: "anna") == anna, "the wrapped secret comes back as given")
        #expect(try await fixture.members.member(username: "niemand") == nil)
    }

    /// A member's seals open to the office's secrets; the recovery key's seals are kept too.
    @Test(arguments: Engine.allCases) func sealsAndRecoveryKeyRoundTrip(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let keyPair = BoxKeyPair()
        let member = try ConformanceFixture.member("carla", .counsellor, officeID: fixture.office.id, keyPair: keyPair)
        try await fixture.stores.setup.addMember(
            member, seals: fixture.keys.seals(to: member.publicKey, recipientName: member.id.hex, version: 1),
            secrets: fixture.keys.secrets)
        let sealed = try #require(
            try await fixture.members.officeSeal(officeID: fixture.office.id, version: 1, recipient: member.id.hex, purpose: .officeSecret))
        #expect(try SealedBox.open(sealed, with: keyPair).copyBytes() == fixture.keys.keyPair.secretKey.copyBytes())
        let statistics = try #require(
            try await fixture.members.officeSeal(officeID: fixture.office.id, version: 1, recipient: member.id.hex, purpose: .statistics))
        #expect(try SealedBox.open(statistics, with: keyPair).copyBytes() == fixture.keys.statisticsKey.copyBytes())
        #expect(
            try await fixture.members.officeSeal(officeID: fixture.office.id, version: 2, recipient: member.id.hex, purpose: .officeSecret)
                == nil)
        #expect(
            try await fixture.members.officeSeal(officeID: fixture.other.id, version: 1, recipient: member.id.hex, purpose: .officeSecret)
                == nil)
        #expect(
            try await fixture.members.officeSeal(officeID: fixture.office.id, version: 1, recipient: "recovery", purpose: .officeSecret)
                != nil)
        #expect(try await fixture.members.recoveryKey(officeID: fixture.office.id) == fixture.keys.recoveryPublicKey)
        #expect(try await fixture.members.recoveryKey(officeID: .random()) == nil)
    }

    @Test(arguments: Engine.allCases) func theFallbackMarkMovesAndAnUnknownOfficeIsRefused(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        try await fixture.stores.setup.setFallbackOffice(fixture.office.id)
        try await fixture.stores.setup.setFallbackOffice(fixture.other.id)
        #expect(try await fixture.members.offices().map(\.isFallback) == [false, true], "one fallback office at a time")
        await #expect(throws: (any Error).self) { try await fixture.stores.setup.setFallbackOffice(.random()) }
        #expect(try await fixture.members.offices().map(\.isFallback) == [false, true], "the refused call moved nothing")
    }

    @Test(arguments: Engine.allCases) func aProfileUpdateIsStored(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        var profile = fixture.office.profile
        profile.city = "Köln"
        profile.notify = "beratung@example.org"
        try await fixture.stores.setup.updateProfile(officeID: fixture.office.id, profile: profile)
        #expect(try await fixture.members.office(id: fixture.office.id)?.profile == profile)
        #expect(try await fixture.members.office(id: fixture.other.id)?.profile == fixture.other.profile)
    }

    // MARK: Invitations

    @Test(arguments: Engine.allCases) func invitationsArePendingUntilTheyExpireOldestExpiryFirst(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let now = Date()
        let later = try Invitation.issue(secrets: fixture.keys.secrets.combined, now: now.addingTimeInterval(3_600))
        let sooner = try Invitation.issue(secrets: fixture.keys.secrets.combined, now: now)
        for invitation in [later, sooner] {
            try await fixture.members.createInvitation(
                invitation, officeID: fixture.office.id, role: .counsellor, createdBy: fixture.lead.id,
                audit: fixture.event("lead.a", .invitationCreated, EntityID.hexString(invitation.tokenHash.prefix(8))))
        }
        let pending = try await fixture.members.pendingInvitations(officeID: fixture.office.id, now: now)
        #expect(pending.map(\.tokenHash) == [sooner.tokenHash, later.tokenHash])
        let stored = try #require(try await fixture.members.invitation(tokenHash: sooner.tokenHash))
        #expect(stored.officeID == fixture.office.id)
        #expect(stored.role == .counsellor)
        #expect(stored.wrappedSecrets == sooner.wrappedSecrets)
        #expect(abs(stored.expiresAt.timeIntervalSince(sooner.expiresAt)) < 1)
        #expect(try await fixture.members.pendingInvitations(officeID: fixture.other.id, now: now).isEmpty)
        let afterFirstExpiry = now.addingTimeInterval(Invitation.validity + 60)
        #expect(
            try await fixture.members.pendingInvitations(officeID: fixture.office.id, now: afterFirstExpiry).map(\.tokenHash) == [
                later.tokenHash
            ])
        #expect(try await fixture.actions() == ["invitation.created", "invitation.created"])
        #expect(try await fixture.verify() == .intact(count: 2))
    }

    /// Only a lead (or analyst) may invite: a counsellor's invitation is refused and leaves nothing.
    @Test(arguments: Engine.allCases) func aCounsellorsInvitationIsRefused(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let invitation = try Invitation.issue(secrets: fixture.keys.secrets.combined)
        await #expect(throws: MemberStoreError.membersChanged) {
            try await fixture.members.createInvitation(
                invitation, officeID: fixture.office.id, role: .counsellor, createdBy: fixture.counsellor.id,
                audit: fixture.event("berater.a", .invitationCreated))
        }
        #expect(try await fixture.members.invitation(tokenHash: invitation.tokenHash) == nil)
        #expect(try await fixture.actions().isEmpty)
    }

    @Test(arguments: Engine.allCases) func aRevokedInvitationIsGoneAndRevokedOnce(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let invitation = try Invitation.issue(secrets: fixture.keys.secrets.combined)
        try await fixture.members.createInvitation(
            invitation, officeID: fixture.office.id, role: .counsellor, createdBy: fixture.lead.id,
            audit: fixture.event("lead.a", .invitationCreated))
        let reference = try #require(try await fixture.members.invitation(tokenHash: invitation.tokenHash)).reference
        #expect(
            !(try await fixture.members.revokeInvitation(
                reference: reference, officeID: fixture.other.id, audit: fixture.event("lead.b", .invitationRevoked))))
        #expect(
            try await fixture.members.revokeInvitation(
                reference: reference, officeID: fixture.office.id, audit: fixture.event("lead.a", .invitationRevoked)))
        #expect(
            !(try await fixture.members.revokeInvitation(
                reference: reference, officeID: fixture.office.id, audit: fixture.event("lead.a", .invitationRevoked))))
        #expect(try await fixture.members.invitation(tokenHash: invitation.tokenHash) == nil)
        #expect(
            try await fixture.actions() == ["invitation.created", "invitation.revoked"], "a revocation that found nothing is not audited")
        #expect(try await fixture.actions(fixture.other.id).isEmpty)
    }

    // MARK: Enrolment

    /// Issues an invitation of office A by its lead.
    private func invite(_ fixture: ConformanceFixture, now: Date = Date()) async throws -> Invitation {
        let invitation = try Invitation.issue(secrets: fixture.keys.secrets.combined, now: now)
        try await fixture.members.createInvitation(
            invitation, officeID: fixture.office.id, role: .counsellor, createdBy: fixture.lead.id,
            audit: fixture.event("lead.a", .invitationCreated))
        return invitation
    }

    private func enrol(
        _ member: Member, with invitation: Invitation, in fixture: ConformanceFixture, version: UInt32 = 1, now: Date = Date()
    ) async throws {
        try await fixture.members.enrol(
            member, invitationHash: invitation.tokenHash, now: now,
            officeSeals: fixture.keys.seals(to: member.publicKey, recipientName: member.id.hex, version: version), verbandSeal: nil,
            manifest: try await fixture.manifest { $0.with(member: member) }, audit: fixture.event(member.username, .memberEnrolled))
    }

    @Test(arguments: Engine.allCases) func enrolmentUsesUpTheInvitation(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let invitation = try await invite(fixture)
        let jonas = try ConformanceFixture.member("jonas", .counsellor, officeID: fixture.office.id)
        try await enrol(jonas, with: invitation, in: fixture)
        #expect(try await fixture.members.member(username: "jonas") == jonas)
        #expect(try await fixture.members.invitation(tokenHash: invitation.tokenHash) == nil)
        #expect(
            try await fixture.members.officeSeal(officeID: fixture.office.id, version: 1, recipient: jonas.id.hex, purpose: .officeSecret)
                != nil)
        guard case .present(let manifest) = try await fixture.members.keyManifest(officeID: fixture.office.id) else {
            Issue.record("no manifest")
            return
        }
        #expect(manifest.manifest.members.map(\.username).sorted() == ["berater.a", "jonas", "lead.a"])
        let lena = try ConformanceFixture.member("lena", .counsellor, officeID: fixture.office.id)
        await #expect(throws: MemberStoreError.invitationUnusable) { try await enrol(lena, with: invitation, in: fixture) }
        #expect(try await fixture.members.member(username: "lena") == nil)
        #expect(try await fixture.actions() == ["invitation.created", "member.enrolled"])
        #expect(try await fixture.verify() == .intact(count: 2))
    }

    @Test(arguments: Engine.allCases) func anExpiredInvitationEnrolsNoOne(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let invitation = try await invite(fixture)
        let jonas = try ConformanceFixture.member("jonas", .counsellor, officeID: fixture.office.id)
        await #expect(throws: MemberStoreError.invitationUnusable) {
            try await enrol(jonas, with: invitation, in: fixture, now: Date().addingTimeInterval(Invitation.validity + 60))
        }
        #expect(try await fixture.members.member(username: "jonas") == nil)
        #expect(try await fixture.actions() == ["invitation.created"])
    }

    /// A taken username is refused, and the invitation stays usable: the failed call changed nothing.
    @Test(arguments: Engine.allCases) func aTakenUsernameLeavesTheInvitationUsable(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let invitation = try await invite(fixture)
        let clash = try ConformanceFixture.member("lead.b", .counsellor, officeID: fixture.office.id)
        await #expect(throws: MemberStoreError.usernameTaken) { try await enrol(clash, with: invitation, in: fixture) }
        #expect(try await fixture.members.invitation(tokenHash: invitation.tokenHash) != nil)
        #expect(try await fixture.members.members(officeID: fixture.office.id).count == 2)
        let jonas = try ConformanceFixture.member("jonas", .counsellor, officeID: fixture.office.id)
        try await enrol(jonas, with: invitation, in: fixture)
        #expect(try await fixture.members.member(username: "jonas") == jonas)
        #expect(try await fixture.actions() == ["invitation.created", "member.enrolled"])
    }

    @Test(arguments: Engine.allCases) func sealsOfAnotherKeyVersionAreRefused(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let invitation = try await invite(fixture)
        let jonas = try ConformanceFixture.member("jonas", .counsellor, officeID: fixture.office.id)
        await #expect(throws: MemberStoreError.keyVersionChanged) { try await enrol(jonas, with: invitation, in: fixture, version: 2) }
        #expect(try await fixture.members.member(username: "jonas") == nil)
        #expect(try await fixture.members.invitation(tokenHash: invitation.tokenHash) != nil)
    }

    /// A manifest that does not describe the members after the change is refused with the change.
    @Test(arguments: Engine.allCases) func aStaleManifestRefusesTheEnrolment(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let invitation = try await invite(fixture)
        let jonas = try ConformanceFixture.member("jonas", .counsellor, officeID: fixture.office.id)
        await #expect(throws: MemberStoreError.membersChanged) {
            try await fixture.members.enrol(
                jonas, invitationHash: invitation.tokenHash, now: Date(),
                officeSeals: fixture.keys.seals(to: jonas.publicKey, recipientName: jonas.id.hex, version: 1), verbandSeal: nil,
                manifest: try await fixture.manifest(), audit: fixture.event("jonas", .memberEnrolled))
        }
        #expect(try await fixture.members.member(username: "jonas") == nil)
        #expect(try await fixture.members.invitation(tokenHash: invitation.tokenHash) != nil)
        #expect(
            try await fixture.members.officeSeal(officeID: fixture.office.id, version: 1, recipient: jonas.id.hex, purpose: .officeSecret)
                == nil)
        #expect(try await fixture.actions() == ["invitation.created"])
    }
}
