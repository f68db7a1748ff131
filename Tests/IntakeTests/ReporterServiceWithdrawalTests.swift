import SichtbarTesting
import Testing

@testable import Sealing

@Suite("ReporterService: withdrawing a report")
struct ReporterServiceWithdrawalTests {
    @Test func anUntouchedCaseIsShreddedAtOnce() async throws {
        let fixture = try ReporterFixture()
        let receipt = (try await fixture.service.submit(ReporterFixture.submission())).receipt
        #expect(try await fixture.service.addMessage(receipt: receipt, text: "Nachricht"))

        #expect(try await fixture.service.withdraw(receipt: receipt) == .geloescht)
        #expect(try await fixture.service.read(receipt: receipt, includeReport: true) == nil)
        #expect(await fixture.store.caseCount == 0)
        #expect(await fixture.store.allRecords().isEmpty)
        #expect(await fixture.snapshot(for: receipt) == nil)
        #expect(try await fixture.service.addMessage(receipt: receipt, text: "noch da?") == false)
        #expect(try await fixture.service.withdraw(receipt: receipt) == nil)
    }

    @Test func withdrawingOneCaseLeavesTheOthers() async throws {
        let fixture = try ReporterFixture()
        let gone = (try await fixture.service.submit(ReporterFixture.submission(narrative: "zurückgezogen"))).receipt
        let kept = (try await fixture.service.submit(ReporterFixture.submission(narrative: "bleibt"))).receipt
        #expect(try await fixture.service.withdraw(receipt: gone) == .geloescht)
        #expect(await fixture.store.caseCount == 1)
        #expect(try await fixture.service.read(receipt: kept, includeReport: true)?.report?.narrative == "bleibt")
    }

    @Test func aTouchedCaseOnlyAsksForDeletion() async throws {
        let fixture = try ReporterFixture()
        let narrative = "bearbeiteter Fall"
        let receipt = (try await fixture.service.submit(ReporterFixture.submission(narrative: narrative))).receipt
        let caseID = try #require(try await fixture.onlyCaseID())
        await fixture.store.markTouched(caseID)

        #expect(try await fixture.service.withdraw(receipt: receipt) == .loeschungBeantragt)
        let view = try #require(try await fixture.service.read(receipt: receipt, includeReport: true))
        #expect(view.status == .loeschungBeantragt)
        #expect(view.report?.narrative == narrative)
        #expect(await fixture.store.caseCount == 1)
        #expect(await fixture.snapshot(for: receipt)?.step == "loeschung_beantragt")
    }
}
