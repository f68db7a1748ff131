import Casework
import Foundation
import Members
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing
import Workflow

@testable import InMemoryStore

private let unusableInvitation = FieldError.invalid(field: "invitation", message: "the invitation is unknown, used or expired")

@Suite("MemberService over the in-memory engine: logins, invitations, removal, rotation, recovery")
struct MemberServiceTests {
    @Test func loginWorksAndEveryFailureLooksAlike() async throws {
        let setup = try await OfficeWithLead.make()
        let (token, session) = try await setup.service.login(
            username: OfficeWithLead.leadName,
            passphrase: SecureBytes(utf8: OfficeWithLead.leadPassphrase))
        #expect(session.username == OfficeWithLead.leadName)
        #expect(session.isLead)
        #expect(session.officeID == setup.office.id)
        #expect(await setup.service.session(token: token) === session)
        let secrets = try await session.officeSecrets(version: 1, store: setup.store)
        #expect(secrets.keyPair.publicKey == setup.office.publicKey, "the lead's seals open the office key")

        await #expect(throws: AccessError.unauthorized) {
            try await setup.service.login(username: OfficeWithLead.leadName, passphrase: SecureBytes(utf8: "Falsche-Passphrase-99"))
        }
        await #expect(throws: AccessError.unauthorized) {
            try await setup.service.login(username: "niemand", passphrase: SecureBytes(utf8: OfficeWithLead.leadPassphrase))
        }
        try await setup.service.logout(token: token)
        #expect(await setup.service.session(token: token) == nil)
        await #expect(throws: AccessError.unauthorized) { try await setup.service.logout(token: token) }

        #expect(try await setup.actions() == ["session.login", "session.logout"], "failed attempts name no one in the chain")
        #expect(try await setup.verifyChain() == .intact(count: 2))
    }

    @Test func anInvitedCounsellorEnrolsOnceAndIsListed() async throws {
        let setup = try await OfficeWithLead.make()
        let lead = try await setup.login()
        let invitation = try await setup.service.invite(role: .counsellor, by: lead)
        #expect(try await setup.service.pendingInvitations(for: lead).count == 1)
        let jonas = try await setup.service.enrol(
            invitation: invitation.token, username: "jonas",
            passphrase: SecureBytes(utf8: OfficeWithLead.counsellorPassphrase))
        #expect(jonas.role == .counsellor)
        #expect(jonas.officeID == setup.office.id)
        let members = try await setup.service.members(for: lead)
        #expect(members.map(\.username) == ["jonas", "margarete"])
        #expect(members.first { $0.username == "jonas" }?.role == .counsellor)
        #expect(try await setup.service.pendingInvitations(for: lead).isEmpty)

        // The invitation is used up, whatever name is tried next.
        await #expect(throws: unusableInvitation) {
            try await setup.service.enrol(
                invitation: invitation.token, username: "jonas2",
                passphrase: SecureBytes(utf8: OfficeWithLead.counsellorPassphrase))
        }
        await #expect(throws: unusableInvitation) {
            try await setup.service.enrol(
                invitation: "not-a-token", username: "jonas3",
                passphrase: SecureBytes(utf8: OfficeWithLead.counsellorPassphrase))
        }

        // The new counsellor's own seals open the office key; counsellors invite no one.
        let session = try await setup.login("jonas", OfficeWithLead.counsellorPassphrase)
        #expect(try await session.officeSecrets(version: 1, store: setup.store).keyPair.publicKey == setup.office.publicKey)
        await #expect(throws: AccessError.notFound) { try await setup.service.invite(role: .counsellor, by: session) }
        await #expect(throws: AccessError.notFound) { try await setup.service.members(for: session) }

        #expect(try await setup.actions() == ["session.login", "invitation.created", "member.enrolled", "members.viewed", "session.login"])
        #expect(try await setup.verifyChain() == .intact(count: 5))
    }

    @Test func anExpiredInvitationIsRefused() async throws {
        let setup = try await OfficeWithLead.make()
        let lead = try await setup.login()
        let issued = Date().addingTimeInterval(-(Invitation.validity + 60))
        let stale = try await setup.service.invite(role: .counsellor, by: lead, now: issued)
        await #expect(throws: unusableInvitation) {
            try await setup.service.enrol(
                invitation: stale.token, username: "jonas",
                passphrase: SecureBytes(utf8: OfficeWithLead.counsellorPassphrase))
        }
        let fresh = try await setup.service.invite(role: .counsellor, by: lead)
        await #expect(throws: unusableInvitation) {
            try await setup.service.enrol(
                invitation: fresh.token, username: "jonas", passphrase: SecureBytes(utf8: OfficeWithLead.counsellorPassphrase),
                now: Date().addingTimeInterval(Invitation.validity + 60))
        }
        #expect(try await setup.store.members(officeID: setup.office.id).map(\.username) == ["margarete"])
        #expect(try await setup.service.pendingInvitations(for: lead).count == 1, "only the fresh one is pending")
    }

    @Test func theLastLeadCannotRemoveThemselves() async throws {
        let setup = try await OfficeWithLead.make()
        let lead = try await setup.login()
        await #expect(throws: FieldError.invalid(field: "username", message: "the last lead of an office cannot be removed")) {
            try await setup.service.remove(username: OfficeWithLead.leadName, by: lead, rotateInBackground: false)
        }
        #expect(try await setup.store.member(username: OfficeWithLead.leadName) != nil)
        #expect(try await setup.store.rotation(officeID: setup.office.id) == nil, "nothing was rotated")
        #expect(try await setup.store.office(id: setup.office.id)?.keyVersion == 1)
        #expect(!(try await setup.actions()).contains("member.removed"))
        #expect(try await setup.verifyChain() == .intact(count: 1))
    }

    /// The whole life of an office: a counsellor joins, a report arrives, the counsellor leaves,
    /// the keys rotate, the office is recovered with its code — and the chain records it all.
    @Test func removingACounsellorRotatesTheOfficeKeys() async throws {
        let setup = try await OfficeWithLead.make()
        let officeID = setup.office.id
        let lead = try await setup.login()
        let jonas = try await setup.enrolCounsellor("jonas", by: lead)
        let caseID = try await setup.submitReport("Marker-Vor-der-Rotation")
        let counsellor = try await setup.login("jonas", OfficeWithLead.counsellorPassphrase)
        #expect(try await setup.casework.open(caseID, for: counsellor).report?.narrative == "Marker-Vor-der-Rotation")
        let unused = try await setup.service.invite(role: .counsellor, by: lead)

        try await setup.service.remove(username: "jonas", by: lead, rotateInBackground: false)
        let running = try #require(try await setup.store.rotation(officeID: setup.office.id))
        #expect(running.fromVersion == 1 && running.toVersion == 2)
        #expect(running.remaining == 1)
        #expect(try await setup.store.office(id: setup.office.id)?.keyVersion == 2, "new cases are sealed to the new key at once")
        #expect(try await setup.store.member(username: "jonas") == nil)
        await #expect(throws: unusableInvitation, "invitations carried the old secrets") {
            try await setup.service.enrol(
                invitation: unused.token, username: "lena",
                passphrase: SecureBytes(utf8: OfficeWithLead.counsellorPassphrase))
        }

        #expect(try await setup.service.continueRotation(officeID: setup.office.id, by: lead) == 1)
        #expect(try await setup.store.rotation(officeID: setup.office.id) == nil)
        let office = try #require(try await setup.store.office(id: setup.office.id))
        #expect(office.keyVersion == 2)
        #expect(office.publicKey != setup.office.publicKey)

        let (jonasSeals, versions, caseVersions) = try setup.database.read { state in
            (
                state.officeSeals.keys.filter { $0.recipient == jonas.id.hex }.count,
                Set(state.officeSeals.keys.filter { $0.officeID == officeID }.map(\.version)).sorted(),
                Set(state.cases.values.filter { $0.officeID == officeID }.map(\.keyVersion)).sorted()
            )
        }
        #expect(jonasSeals == 0, "the removed member's seals are gone")
        #expect(versions == [2], "the old office secret is deleted")
        #expect(caseVersions == [2], "every case is sealed to the new key")
        let recipients = try setup.database.read { state in
            state.officeSeals.keys.filter { $0.officeID == officeID }.map(\.recipient).sorted()
        }
        #expect(Set(recipients) == [setup.lead.id.hex, "recovery"])
        #expect(recipients.count == 4, "office secret and statistics ring for each")

        // The removed counsellor is gone; the lead, logging in afresh, opens the old case with the new key.
        await #expect(throws: AccessError.unauthorized) {
            try await setup.service.login(username: "jonas", passphrase: SecureBytes(utf8: OfficeWithLead.counsellorPassphrase))
        }
        let again = try await setup.login()
        #expect(try await setup.casework.open(caseID, for: again).report?.narrative == "Marker-Vor-der-Rotation")
        let secrets = try await again.officeSecrets(version: 2, store: setup.store)
        #expect(secrets.keyPair.publicKey == office.publicKey)
        #expect(secrets.statisticsRing.count == 64, "the ring keeps the old statistics key")
        await #expect(throws: AccessError.keysUnavailable) { try await again.officeSecrets(version: 1, store: setup.store) }
        // A report sent after the rotation is sealed to the new key.
        let newCase = try await setup.submitReport("Marker-Nach-der-Rotation")
        #expect(try await setup.casework.open(newCase, for: again).report?.narrative == "Marker-Nach-der-Rotation")

        // Recovery with the office's code works after the rotation too; a wrong code opens nothing.
        let members = try await setup.store.members(officeID: setup.office.id).count
        await #expect(throws: AccessError.unauthorized) {
            try await setup.service.recover(
                officeID: setup.office.id, code: RecoveryCode.generate(), username: "vertretung",
                passphrase: SecureBytes(utf8: "Notfall-Schluessel-2026"))
        }
        #expect(try await setup.store.members(officeID: setup.office.id).count == members)
        let code = try #require(RecoveryCode.parse(setup.keys.recoveryCode.formatted.lowercased()))
        let recovered = try await setup.service.recover(
            officeID: setup.office.id, code: code, username: "vertretung",
            passphrase: SecureBytes(utf8: "Notfall-Schluessel-2026"))
        #expect(recovered.role == .lead)
        let rescuer = try await setup.login("vertretung", "Notfall-Schluessel-2026")
        #expect(rescuer.isLead)
        #expect(try await setup.casework.open(caseID, for: rescuer).report?.narrative == "Marker-Vor-der-Rotation")

        let actions = try await setup.actions()
        #expect(try await setup.verifyChain() == .intact(count: UInt64(actions.count)))
        for expected: AuditAction in [
            .login, .invitationCreated, .memberEnrolled, .caseViewed, .memberRemoved,
            .keyRotationStarted, .keyRotationFinished, .officeRecovered,
        ] {
            #expect(actions.contains(expected.rawValue), "\(expected.rawValue) missing from \(actions)")
        }
        let order = ["member.removed", "office.key_rotation_started", "office.key_rotation_finished", "office.recovered"]
            .map { name in actions.firstIndex(of: name) ?? -1 }
        #expect(order == order.sorted() && !order.contains(-1), "\(actions)")
        let entries = try await setup.store.auditEntries(chain: setup.office.id, from: 1, limit: 1000)
        #expect(entries.first { $0.event.action == "member.removed" }?.event.subject == "jonas")
        #expect(entries.first { $0.event.action == "office.recovered" }?.event.actor == "recovery")
        #expect(entries.filter { $0.event.action == "case.viewed" }.map(\.event.subject).contains(caseID.hex))
        #expect(!entries.contains { $0.event.subject.contains("Marker") }, "no content in the chain")
    }

    @Test func recoveryOfAnExistingLeadReplacesTheirKey() async throws {
        let setup = try await OfficeWithLead.make()
        let newPassphrase = "Neuer-Anfang-im-Buero-7"
        await #expect(throws: AccessError.unauthorized) {
            try await setup.service.recover(
                officeID: setup.office.id, code: RecoveryCode.generate(), username: OfficeWithLead.leadName,
                passphrase: SecureBytes(utf8: newPassphrase))
        }
        let before = try #require(try await setup.store.member(username: OfficeWithLead.leadName))
        #expect(before == setup.lead, "a wrong code changes nothing")

        let member = try await setup.service.recover(
            officeID: setup.office.id, code: setup.keys.recoveryCode,
            username: OfficeWithLead.leadName, passphrase: SecureBytes(utf8: newPassphrase))
        #expect(member.id == setup.lead.id)
        #expect(member.publicKey != setup.lead.publicKey)
        await #expect(throws: AccessError.unauthorized) { try await setup.login() }
        let session = try await setup.login(OfficeWithLead.leadName, newPassphrase)
        #expect(try await session.officeSecrets(version: 1, store: setup.store).keyPair.publicKey == setup.office.publicKey)
        #expect(try await setup.actions() == ["office.recovered", "session.login"])
        #expect(try await setup.verifyChain() == .intact(count: 2))
    }
}
