import Foundation
import Members
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing

/// `MemberStore`: removing members, roles, key replacement, recovery and the Verband.
extension MemberStoreConformance {
    /// A removal takes the member's seals and the invitations they created with it.
    @Test(arguments: Engine.allCases) func removingAMemberTakesTheirSealsAndInvitations(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let second = try await ConformanceFixture.add("lead.a2", .lead, to: fixture.office, keys: fixture.keys, in: fixture.stores)
        let invitation = try Invitation.issue(secrets: fixture.keys.secrets.combined)
        try await fixture.members.createInvitation(
            invitation, officeID: fixture.office.id, role: .counsellor, createdBy: second.id,
            audit: fixture.event("lead.a2", .invitationCreated))
        try await fixture.members.removeMember(
            second, manifest: try await fixture.manifest { $0.without(memberID: second.id) },
            audit: fixture.event("lead.a", .memberRemoved, "lead.a2"))
        #expect(try await fixture.members.member(username: "lead.a2") == nil)
        #expect(try await fixture.members.members(officeID: fixture.office.id).map(\.username) == ["berater.a", "lead.a"])
        #expect(
            try await fixture.members.officeSeal(officeID: fixture.office.id, version: 1, recipient: second.id.hex, purpose: .officeSecret)
                == nil)
        #expect(try await fixture.members.invitation(tokenHash: invitation.tokenHash) == nil)
        let entries = try await fixture.entries()
        #expect(entries.map(\.action) == ["invitation.created", "member.removed"])
        #expect(entries.last?.event.subject == "lead.a2")
        #expect(try await fixture.verify() == .intact(count: 2))
    }

    @Test(arguments: Engine.allCases) func theLastLeadIsNeitherRemovedNorDemoted(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        await #expect(throws: MemberStoreError.lastLead) {
            try await fixture.members.removeMember(
                fixture.lead, manifest: try await fixture.manifest { $0.without(memberID: fixture.lead.id) },
                audit: fixture.event("lead.a", .memberRemoved, "lead.a"))
        }
        await #expect(throws: MemberStoreError.lastLead) {
            try await fixture.members.changeRole(
                fixture.lead, to: .counsellor, manifest: nil, audit: fixture.event("lead.a", .memberRoleChanged, "lead.a"))
        }
        #expect(try await fixture.members.member(username: "lead.a") == fixture.lead)
        #expect(
            try await fixture.members.officeSeal(
                officeID: fixture.office.id, version: 1, recipient: fixture.lead.id.hex, purpose: .officeSecret) != nil)
        #expect(try await fixture.actions().isEmpty, "refused changes are not audited")
        #expect(try await fixture.verify() == .intact(count: 0))
    }

    /// A demoted lead's invitations go; a promotion keeps everything else.
    @Test(arguments: Engine.allCases) func changingRolesDropsADemotedLeadsInvitations(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        try await fixture.members.changeRole(
            fixture.counsellor, to: .lead,
            manifest: try await fixture.manifest {
                $0.with(
                    member: Member(
                        id: fixture.counsellor.id, username: fixture.counsellor.username, officeID: fixture.office.id, role: .lead,
                        publicKey: fixture.counsellor.publicKey, wrappedSecret: fixture.counsellor.wrappedSecret))
            }, audit: fixture.event("lead.a", .memberRoleChanged, "berater.a"))
        #expect(try await fixture.members.member(username: "berater.a")?.role == .lead)
        let invitation = try Invitation.issue(secrets: fixture.keys.secrets.combined)
        try await fixture.members.createInvitation(
            invitation, officeID: fixture.office.id, role: .counsellor, createdBy: fixture.lead.id,
            audit: fixture.event("lead.a", .invitationCreated))
        try await fixture.members.changeRole(
            fixture.lead, to: .counsellor, manifest: nil, audit: fixture.event("berater.a", .memberRoleChanged, "lead.a"))
        #expect(try await fixture.members.member(username: "lead.a")?.role == .counsellor)
        #expect(try await fixture.members.invitation(tokenHash: invitation.tokenHash) == nil)
        #expect(try await fixture.actions() == ["member.role_changed", "invitation.created", "member.role_changed"])
        #expect(try await fixture.verify() == .intact(count: 3))
    }

    /// A recovery gives an existing member a new key pair: the new key and seals replace the old.
    @Test(arguments: Engine.allCases) func replacingKeysReplacesTheKeyAndTheSeals(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let keyPair = BoxKeyPair()
        let renewed = Member(
            id: fixture.lead.id, username: "lead.a", officeID: fixture.office.id, role: .lead, publicKey: keyPair.publicKey,
            wrappedSecret: try ConformanceFixture.cheapWrap())
        try await fixture.members.replaceKeys(
            of: renewed, officeSeals: fixture.keys.seals(to: keyPair.publicKey, recipientName: renewed.id.hex, version: 1),
            manifest: try await fixture.manifest { $0.with(member: renewed) }, audit: fixture.event("recovery", .officeRecovered, "lead.a"))
        #expect(try await fixture.members.member(username: "lead.a") == renewed)
        let sealed = try #require(
            try await fixture.members.officeSeal(officeID: fixture.office.id, version: 1, recipient: renewed.id.hex, purpose: .officeSecret)
        )
        #expect(try SealedBox.open(sealed, with: keyPair).copyBytes() == fixture.keys.keyPair.secretKey.copyBytes())
        #expect(try await fixture.actions() == ["office.recovered"])

        let stranger = try ConformanceFixture.member("fremd", .lead, officeID: fixture.office.id)
        await #expect(throws: (any Error).self, "an unknown member has no keys to replace") {
            try await fixture.members.replaceKeys(
                of: stranger, officeSeals: [], manifest: nil, audit: fixture.event("fremd", .passphraseChanged))
        }
        #expect(try await fixture.members.member(username: "fremd") == nil)
        #expect(try await fixture.actions() == ["office.recovered"])
    }

    @Test(arguments: Engine.allCases) func aRecoveredLeadIsAddedOnceByName(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let rescuer = try ConformanceFixture.member("vertretung", .lead, officeID: fixture.office.id)
        try await fixture.members.addRecoveredLead(
            rescuer, officeSeals: fixture.keys.seals(to: rescuer.publicKey, recipientName: rescuer.id.hex, version: 1),
            manifest: try await fixture.manifest { $0.with(member: rescuer) },
            audit: fixture.event("recovery", .officeRecovered, "vertretung"))
        #expect(try await fixture.members.member(username: "vertretung") == rescuer)
        let clash = try ConformanceFixture.member("vertretung", .lead, officeID: fixture.office.id)
        await #expect(throws: MemberStoreError.usernameTaken) {
            try await fixture.members.addRecoveredLead(
                clash, officeSeals: fixture.keys.seals(to: clash.publicKey, recipientName: clash.id.hex, version: 1),
                manifest: try await fixture.manifest { $0.with(member: clash) },
                audit: fixture.event("recovery", .officeRecovered, "vertretung"))
        }
        #expect(try await fixture.members.member(username: "vertretung")?.id == rescuer.id)
        let entries = try await fixture.entries()
        #expect(entries.map(\.action) == ["office.recovered"])
        #expect(entries.first?.event.actor == "recovery")
    }

    /// "No record without its change": removing or re-roling a member who is not there (another
    /// lead was quicker) may throw or not, but appends nothing.
    @Test(arguments: Engine.allCases) func aChangeToAMemberWhoIsGoneRecordsNothing(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let ghost = try ConformanceFixture.member("geist", .counsellor, officeID: fixture.office.id)
        try? await fixture.members.removeMember(ghost, manifest: nil, audit: fixture.event("lead.a", .memberRemoved, "geist"))
        try? await fixture.members.changeRole(ghost, to: .lead, manifest: nil, audit: fixture.event("lead.a", .memberRoleChanged, "geist"))
        #expect(try await fixture.members.member(username: "geist") == nil)
        let actions = try await fixture.actions()
        #expect(actions.isEmpty)
    }

    // MARK: Verband

    @Test(arguments: Engine.allCases) func theVerbandIsCreatedOnceWithItsAnalyst(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        #expect(try await fixture.members.verband() == nil)
        let (verband, analyst, analystKeys, _) = try await fixture.createVerband()
        #expect(try await fixture.members.verband() == verband)
        #expect(try await fixture.members.members(officeID: nil) == [analyst])
        let seal = try #require(try await fixture.members.verbandSeal(memberID: analyst.id))
        #expect(try SealedBox.open(seal, with: analystKeys).count == 32)
        guard case .present(let manifest) = try await fixture.members.verbandManifest() else {
            Issue.record("no Verband manifest")
            return
        }
        #expect(manifest.manifest.members.map(\.memberID) == [analyst.id])
        #expect(try await fixture.actions(verband.id) == ["verband.created"])
        #expect(try await fixture.verify(verband.id) == .intact(count: 1))

        await #expect(throws: MemberStoreError.self, "one Verband per server") {
            let other = Verband(id: .random(), name: "Zweiter", publicKey: BoxKeyPair().publicKey)
            let second = try ConformanceFixture.member("analyse2", .analyst, officeID: nil)
            try await fixture.members.createVerband(
                other, analyst: second, seal: [1, 2, 3], manifest: manifest, audit: fixture.event("analyse2", .verbandCreated))
        }
        #expect(try await fixture.members.verband() == verband)
        #expect(try await fixture.members.members(officeID: nil).map(\.username) == ["analyse"])
    }

    @Test(arguments: Engine.allCases) func theLastAnalystStays(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let (verband, analyst, _, _) = try await fixture.createVerband()
        await #expect(throws: MemberStoreError.lastAnalyst) {
            try await fixture.members.removeMember(analyst, manifest: nil, audit: fixture.event("analyse", .memberRemoved, "analyse"))
        }
        #expect(try await fixture.members.members(officeID: nil) == [analyst])
        #expect(try await fixture.actions(verband.id) == ["verband.created"])
    }

    /// A Verband invitation (no office) lives in the Verband's chain, and an analyst enrols with a Verband seal.
    @Test(arguments: Engine.allCases) func anAnalystEnrolsThroughAVerbandInvitation(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let (verband, analyst, _, secrets) = try await fixture.createVerband()
        let invitation = try Invitation.issue(secrets: SecureBytes(randomCount: 32))
        try await fixture.members.createInvitation(
            invitation, officeID: nil, role: .analyst, createdBy: analyst.id, audit: fixture.event("analyse", .invitationCreated))
        #expect(try await fixture.members.pendingInvitations(officeID: nil, now: Date()).map(\.tokenHash) == [invitation.tokenHash])
        #expect(try await fixture.members.pendingInvitations(officeID: fixture.office.id, now: Date()).isEmpty)
        let keyPair = BoxKeyPair()
        let second = try ConformanceFixture.member("analyse2", .analyst, officeID: nil, keyPair: keyPair)
        guard case .present(let current) = try await fixture.members.verbandManifest() else {
            Issue.record("no Verband manifest")
            return
        }
        try await fixture.members.enrol(
            second, invitationHash: invitation.tokenHash, now: Date(), officeSeals: [], verbandSeal: [9, 9, 9],
            manifest: try SignedKeyManifest(current.manifest.with(member: second), secrets: secrets),
            audit: fixture.event("analyse2", .memberEnrolled))
        #expect(try await fixture.members.members(officeID: nil).map(\.username) == ["analyse", "analyse2"])
        #expect(try await fixture.members.verbandSeal(memberID: second.id) == [9, 9, 9])
        #expect(try await fixture.actions(verband.id) == ["verband.created", "invitation.created", "member.enrolled"])
        #expect(try await fixture.actions().isEmpty, "nothing in the offices' chains")
        #expect(try await fixture.verify(verband.id) == .intact(count: 3))
    }
}
