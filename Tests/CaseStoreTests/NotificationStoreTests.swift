import Casework
import Foundation
import GRDB
import Intake
import Sealing
import SichtbarCore
import Testing

@testable import CaseStore

/// What the notifier reads: a new report, a reporter's unread message and a deadline due tomorrow,
/// with the case's assignees; the office's and the members' addresses; and the audited setting.
@Suite struct NotificationStoreTests {
    @Test func waitingItemsFollowTheCases() async throws {
        let fixture = try await CaseworkFixture.make(now: Date(timeIntervalSince1970: 1_763_632_800))
        let lead = try await fixture.login("lead.a")
        let tomorrow = Day(fixture.clock.now).adding(days: 1)
        let receipt =
            (try await fixture.reporter.submit(
                ReportSubmission(
                    language: "de", narrative: "Abgewiesen an der Tür.", contactWish: "mailbox",
                    office: fixture.officeA.id.hex, consent: true))).receipt
        var items = try await fixture.sqlite.notifications.waitingItems(tomorrow: tomorrow)
        #expect(items.map(\.reason) == [.newReport])
        #expect(items.first?.officeID == fixture.officeA.id)
        let id = try #require(items.first?.caseID)

        // Worked: no longer new. The reporter writes: unread. A deadline tomorrow: due.
        try await fixture.casework.assign([("berater.a1", .beratung)], to: id, by: lead)
        #expect(try await fixture.sqlite.notifications.waitingItems(tomorrow: tomorrow).isEmpty)
        #expect(try await fixture.reporter.addMessage(receipt: receipt, text: "Noch eine Frage."))
        try await fixture.store.database.writer.write { db in
            try db.execute(sql: "UPDATE case_file SET next_due = ? WHERE id = ?", arguments: [tomorrow.iso, Data(id.bytes)])
        }
        items = try await fixture.sqlite.notifications.waitingItems(tomorrow: tomorrow)
        #expect(Set(items.map(\.reason)) == [.reporterUnread, .dueTomorrow])
        let counsellor = try #require(try await fixture.store.member(username: "berater.a1"))
        #expect(items.allSatisfy { $0.assignees == [counsellor.id] })
        #expect(items.first { $0.reason == .dueTomorrow }?.day == tomorrow)
    }

    @Test func addressesComeFromTheProfileAndTheMembers() async throws {
        let fixture = try await CaseworkFixture.make()
        var profile = fixture.officeA.profile
        profile.notify = "beratung@ada-koeln.de"
        try await fixture.database.updateProfile(officeID: fixture.officeA.id, profile: profile)
        let settings = NotificationSettings(store: fixture.sqlite.notifications)
        let counsellor = try await fixture.login("berater.a1")
        await #expect(throws: AccessError.self, "a malformed address is refused") {
            try await settings.setAddress("carla@ada-koeln.de\r\nBcc: x@y.de", by: counsellor)
        }
        try await settings.setAddress(" carla@ada-koeln.de ", by: counsellor)
        #expect(try await settings.address(for: counsellor)?.value == "carla@ada-koeln.de")
        let recipients = try await fixture.sqlite.notifications.notificationRecipients()
        #expect(recipients.offices == [fixture.officeA.id: EmailAddress("beratung@ada-koeln.de")!])
        #expect(recipients.members == [counsellor.memberID: EmailAddress("carla@ada-koeln.de")!])
        try await settings.setAddress("", by: counsellor)
        #expect(try await fixture.sqlite.notifications.notificationRecipients().members.isEmpty)
        let audit = try await fixture.database.writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT actor, subject FROM audit_event WHERE action = 'member.notification_address_set' ORDER BY seq"
            )
            .map { "\($0["actor"] as String) \($0["subject"] as String)" }
        }
        #expect(audit == ["berater.a1 set", "berater.a1 removed"], "audited, without the address")
    }
}
