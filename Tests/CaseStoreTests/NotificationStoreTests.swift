import Casework
import Foundation
import GRDB
import Intake
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing

@testable import CaseStore

/// What the notifier reads: a new report, a reporter's unread message and a deadline due tomorrow
/// (set in the row), with the case's assignees. (The audited address setting, through
/// `NotificationSettings`, runs over the in-memory engine in CaseworkTests.)
@Suite struct NotificationStoreTests {
    @Test func waitingItemsFollowTheCases() async throws {
        let fixture = try await ServiceFixture.overSQLite(now: Date(timeIntervalSince1970: 1_763_632_800))
        let lead = try await fixture.login("lead.a")
        let tomorrow = Day(fixture.clock.now).adding(days: 1)
        let receipt =
            (try await fixture.reporter.submit(
                ReportSubmission(
                    language: "de", narrative: "Abgewiesen an der Tür.", contactWish: "mailbox",
                    office: fixture.officeA.id.hex, consent: true))).receipt
        var items = try await fixture.engine.notifications.waitingItems(tomorrow: tomorrow)
        #expect(items.map(\.reason) == [.newReport])
        #expect(items.first?.officeID == fixture.officeA.id)
        let id = try #require(items.first?.caseID)

        // Worked: no longer new. The reporter writes: unread. A deadline tomorrow: due.
        try await fixture.casework.assign([("berater.a1", .beratung)], to: id, by: lead)
        #expect(try await fixture.engine.notifications.waitingItems(tomorrow: tomorrow).isEmpty)
        #expect(try await fixture.reporter.addMessage(receipt: receipt, text: "Noch eine Frage."))
        try await fixture.store.database.writer.write { db in
            try db.execute(sql: "UPDATE case_file SET next_due = ? WHERE id = ?", arguments: [tomorrow.iso, Data(id.bytes)])
        }
        items = try await fixture.engine.notifications.waitingItems(tomorrow: tomorrow)
        #expect(Set(items.map(\.reason)) == [.reporterUnread, .dueTomorrow])
        let counsellor = try #require(try await fixture.store.member(username: "berater.a1"))
        #expect(items.allSatisfy { $0.assignees == [counsellor.id] })
        #expect(items.first { $0.reason == .dueTomorrow }?.day == tomorrow)
    }
}
