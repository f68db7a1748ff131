import Casework
import Foundation
import SichtbarCore
import SichtbarTesting
import Testing

/// `NotificationStore`: what waits in every office, and where to tell it.
@Suite struct NotificationStoreConformance {
    /// A new report waits until the office touches it; a reporter's addition waits until read; a
    /// deadline tomorrow waits; each with the case's assignees.
    @Test(arguments: Engine.allCases) func waitingItemsFollowTheCases(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let tomorrow = fixture.clock.today.adding(days: 1)
        let report = try await fixture.submit()
        let theirs = try await fixture.submit(officeID: fixture.other.id)
        try await fixture.create(fixture.newCase(due: tomorrow.adding(days: 1), audit: false))
        let due = try await fixture.create(
            fixture.newCase(due: tomorrow, assignees: [fixture.assignment(fixture.counsellor)], audit: false))
        let items = try await fixture.stores.notifications.waitingItems(tomorrow: tomorrow)
        #expect(
            Set(items)
                == [
                    WaitingItem(officeID: fixture.office.id, caseID: report.caseID, reason: .newReport),
                    WaitingItem(officeID: fixture.other.id, caseID: theirs.caseID, reason: .newReport),
                    WaitingItem(
                        officeID: fixture.office.id, caseID: due.id, reason: .dueTomorrow, day: tomorrow, assignees: [fixture.counsellor.id]
                    ),
                ])
        #expect(items.count == 3)

        var work = CaseUpdate(row: try #require(try await fixture.row(report.caseID)))
        work.assignees = [fixture.assignment(fixture.counsellor), fixture.assignment(fixture.lead, .coBeratung)]
        try await fixture.caseFiles.update(work)
        #expect(
            !(try await fixture.stores.notifications.waitingItems(tomorrow: tomorrow)).contains { $0.caseID == report.caseID },
            "worked: no longer new")
        try await fixture.stores.reports.append([
            SealedRecord(id: .random(), caseID: report.caseID, kind: .message, keyVersion: 1, ciphertext: [1])
        ])
        let unread = try #require(
            try await fixture.stores.notifications.waitingItems(tomorrow: tomorrow).first { $0.caseID == report.caseID })
        #expect(unread.reason == .reporterUnread)
        #expect(Set(unread.assignees) == [fixture.counsellor.id, fixture.lead.id])
        try await fixture.caseFiles.markReporterRead(
            caseID: report.caseID, officeID: fixture.office.id, audit: fixture.event("berater.a", .caseReporterRead))
        #expect(!(try await fixture.stores.notifications.waitingItems(tomorrow: tomorrow)).contains { $0.caseID == report.caseID })
    }

    @Test(arguments: Engine.allCases) func addressesComeFromTheProfilesAndTheMembers(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let notifications = fixture.stores.notifications
        #expect(try await notifications.notificationRecipients() == NotificationRecipients())
        var profile = fixture.office.profile
        profile.notify = "beratung@example.org"
        try await fixture.stores.setup.updateProfile(officeID: fixture.office.id, profile: profile)
        let carla = try #require(EmailAddress("carla@example.org"))
        try await notifications.setNotificationAddress(
            memberID: fixture.counsellor.id, officeID: fixture.office.id, address: carla,
            audit: fixture.event("berater.a", .notificationAddressSet, "set"))
        #expect(try await notifications.notificationAddress(memberID: fixture.counsellor.id) == carla)
        #expect(try await notifications.notificationAddress(memberID: fixture.lead.id) == nil)
        let recipients = try await notifications.notificationRecipients()
        #expect(recipients.offices == [fixture.office.id: try #require(EmailAddress("beratung@example.org"))])
        #expect(recipients.members == [fixture.counsellor.id: carla])

        let other = try #require(EmailAddress("c.neu@example.org"))
        try await notifications.setNotificationAddress(
            memberID: fixture.counsellor.id, officeID: fixture.office.id, address: other,
            audit: fixture.event("berater.a", .notificationAddressSet, "set"))
        #expect(try await notifications.notificationAddress(memberID: fixture.counsellor.id) == other, "replaced")
        try await notifications.setNotificationAddress(
            memberID: fixture.counsellor.id, officeID: fixture.office.id, address: nil,
            audit: fixture.event("berater.a", .notificationAddressSet, "removed"))
        #expect(try await notifications.notificationAddress(memberID: fixture.counsellor.id) == nil)
        #expect(try await notifications.notificationRecipients().members.isEmpty)
        let entries = try await fixture.entries()
        #expect(
            entries.map { "\($0.action) \($0.event.subject)" } == [
                "member.notification_address_set set", "member.notification_address_set set", "member.notification_address_set removed",
            ])
        #expect(!entries.contains { $0.event.subject.contains("@") }, "the address is not in the chain")
    }
}
