import Casework
import Foundation
import InMemoryStore
import Intake
import Members
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing

/// The list sorted by urgency, through the store's ORDER BY and its cursors: overdue first,
/// then a reporter's unread message, then due soon, then the rest — page by page the same.
@Suite("Case list by urgency")
struct CaseUrgencyTests {
    func newCase(_ fixture: ServiceFixture<InMemoryDatabase>, lead: Session, _ body: () async throws -> Void) async throws -> EntityID {
        let before = Set(try await fixture.casework.list(CaseListFilter(limit: 100), for: lead).items.map(\.id))
        try await body()
        let after = Set(try await fixture.casework.list(CaseListFilter(limit: 100), for: lead).items.map(\.id))
        return try #require(after.subtracting(before).first)
    }

    @Test func overdueThenUnreadThenDueSoonThenTheRest() async throws {
        let fixture = try await ServiceFixture.make()
        let lead = try await fixture.login("lead.a")
        func submit() async throws -> Receipt {
            try await fixture.reporter.submit(
                ReportSubmission(
                    language: "de", narrative: "Abgewiesen beim Einlass.", grounds: ["lebensalter"],
                    area: "freizeit", contactWish: "mailbox", office: fixture.officeA.id.hex,
                    consent: true)
            ).receipt
        }
        let overdue = try await newCase(fixture, lead: lead) { _ = try await submit() }
        fixture.clock.advance(days: 10)
        let soon = try await newCase(fixture, lead: lead) { _ = try await submit() }
        var receipt: Receipt?
        let unread = try await newCase(fixture, lead: lead) { receipt = try await submit() }
        #expect(try await fixture.reporter.addMessage(receipt: try #require(receipt), text: "Noch ein Hinweis."))
        let quiet = try await newCase(fixture, lead: lead) {
            _ = try await fixture.casework.create(
                NewCaseInput(
                    kind: "beratungsfall", channel: "telefon", title: "Ruhig", persons: [], contact: nil,
                    note: nil), by: lead)
        }

        var filter = CaseListFilter(limit: 10)
        filter.sort = .urgency
        let page = try await fixture.casework.list(filter, for: lead)
        #expect(page.items.map(\.id) == [overdue, unread, soon, quiet])
        #expect(page.items.map(\.unread) == [false, true, false, false])

        // One at a time, the cursors walk the same order.
        filter.limit = 1
        var walked: [EntityID] = []
        while walked.count < 10 {
            let one = try await fixture.casework.list(filter, for: lead)
            walked += one.items.map(\.id)
            guard let next = one.next else { break }
            #expect(next.bucket != nil && CaseCursor(token: next.token) == next)
            filter.after = next
        }
        #expect(walked == [overdue, unread, soon, quiet])

        filter = CaseListFilter(limit: 10)
        filter.unread = true
        #expect(try await fixture.casework.list(filter, for: lead).items.map(\.id) == [unread])
        #expect(try await fixture.casework.unreadCounts(for: lead) == (all: 1, mine: 0))
    }
}
