import Foundation
import SichtbarCore
import SichtbarTesting
import Testing

@testable import Intake
@testable import Sealing

@Suite("ReporterService: submitting and reading the mailbox")
struct ReporterServiceMailboxTests {
    @Test func aSubmittedReportCanBeReadBackWithItsReceipt() async throws {
        let fixture = try ReporterFixture()
        let narrative = "Mir wurde die Wohnung verweigert \(UUID().uuidString)"
        let receipt = (try await fixture.service.submit(ReporterFixture.submission(narrative: narrative))).receipt

        let view = try #require(try await fixture.service.read(receipt: receipt, includeReport: true))
        #expect(view.status == .eingegangen)
        #expect(view.messages.isEmpty)
        let report = try #require(view.report)
        #expect(report.narrative == narrative)
        #expect(report.grounds == ["antisemitismus"])
        #expect(report.region == "05913")
        #expect(report.submittedOn == ReporterFixture.today)
        #expect(await fixture.store.caseCount == 1)
    }

    @Test func withoutIncludeReportTheReportIsLeftOut() async throws {
        let fixture = try ReporterFixture()
        let receipt = (try await fixture.service.submit(ReporterFixture.submission())).receipt
        let view = try #require(try await fixture.service.read(receipt: receipt, includeReport: false))
        #expect(view.report == nil)
        #expect(view.status == .eingegangen)
    }

    @Test func anInvalidReportIsRefusedAndNothingIsStored() async throws {
        let fixture = try ReporterFixture()
        await #expect(throws: FieldError.self) {
            (try await fixture.service.submit(ReporterFixture.submission(narrative: "   "))).receipt
        }
        #expect(await fixture.store.caseCount == 0)
    }

    @Test func messagesAppearInTheOrderTheyWereAdded() async throws {
        let fixture = try ReporterFixture()
        let receipt = (try await fixture.service.submit(ReporterFixture.submission())).receipt
        let texts = [
            "Erste Nachricht", "Zweite Nachricht", "Dritte Nachricht", "Vierte", "Fünfte", "Sechste",
            "Siebte", "Achte", "Neunte", "Zehnte", "Elfte",
        ]
        for text in texts {
            #expect(try await fixture.service.addMessage(receipt: receipt, text: text))
        }

        let view = try #require(try await fixture.service.read(receipt: receipt, includeReport: false))
        #expect(view.messages.map(\.text) == texts)
        #expect(view.messages.map(\.sequence) == Array(1...texts.count))
        #expect(view.messages.allSatisfy { $0.from == .reporter && $0.on == ReporterFixture.today })
    }

    @Test func aMessageIsTrimmedAndChecked() async throws {
        let fixture = try ReporterFixture()
        let receipt = (try await fixture.service.submit(ReporterFixture.submission())).receipt
        #expect(try await fixture.service.addMessage(receipt: receipt, text: "  Hallo \n"))
        let view = try #require(try await fixture.service.read(receipt: receipt, includeReport: false))
        #expect(view.messages.map(\.text) == ["Hallo"])

        for bad in ["   ", String(repeating: "x", count: ReporterService.maxMessageCharacters + 1), "Hallo\u{0007}"] {
            await #expect(throws: FieldError.self) {
                try await fixture.service.addMessage(receipt: receipt, text: bad)
            }
        }
        let after = try #require(try await fixture.service.read(receipt: receipt, includeReport: false))
        #expect(after.messages.count == 1)
    }

    @Test func theReceiptTypedInLowerCaseOpensTheSameMailbox() async throws {
        let fixture = try ReporterFixture()
        let narrative = "Kleinschreibung \(UUID().uuidString)"
        let receipt = (try await fixture.service.submit(ReporterFixture.submission(narrative: narrative))).receipt
        #expect(try await fixture.service.addMessage(receipt: receipt, text: "Nachricht"))

        for typed in [
            receipt.formatted.lowercased(), receipt.formatted.replacingOccurrences(of: "-", with: " "),
            receipt.formatted.replacingOccurrences(of: "-", with: "").lowercased(),
        ] {
            let retyped = try Receipt.parse(typed)
            let view = try #require(try await fixture.service.read(receipt: retyped, includeReport: true), "\(typed)")
            #expect(view.report?.narrative == narrative)
            #expect(view.messages.map(\.text) == ["Nachricht"])
        }
    }

    @Test func anUnknownReceiptReadsNothing() async throws {
        let fixture = try ReporterFixture()
        _ = try await fixture.service.submit(ReporterFixture.submission())
        let stranger = Receipt.generate()
        #expect(try await fixture.service.read(receipt: stranger, includeReport: true) == nil)
        #expect(try await fixture.service.addMessage(receipt: stranger, text: "Hallo") == false)
        #expect(try await fixture.service.withdraw(receipt: stranger) == nil)
        #expect(await fixture.store.caseCount == 1)
    }

    @Test func twoReportsHaveSeparateMailboxes() async throws {
        let fixture = try ReporterFixture()
        let first = (try await fixture.service.submit(ReporterFixture.submission(narrative: "erster Bericht"))).receipt
        let second = (try await fixture.service.submit(ReporterFixture.submission(narrative: "zweiter Bericht"))).receipt
        #expect(first.formatted != second.formatted)
        #expect(try await fixture.service.addMessage(receipt: first, text: "nur im ersten"))

        let firstView = try #require(try await fixture.service.read(receipt: first, includeReport: true))
        let secondView = try #require(try await fixture.service.read(receipt: second, includeReport: true))
        #expect(firstView.report?.narrative == "erster Bericht")
        #expect(secondView.report?.narrative == "zweiter Bericht")
        #expect(firstView.messages.count == 1)
        #expect(secondView.messages.isEmpty)
    }

    @Test func aStoreThatCannotWriteMakesSubmitFail() async throws {
        let fixture = try ReporterFixture()
        await fixture.store.setFailWrites(true)
        let error = await #expect(throws: StoreError.self) {
            (try await fixture.service.submit(ReporterFixture.submission())).receipt
        }
        guard case .unavailable? = error else {
            Issue.record("expected StoreError.unavailable, got \(String(describing: error))")
            return
        }
        #expect(await fixture.store.caseCount == 0)
    }

    @Test func aStoreThatCannotWriteMakesAddMessageFail() async throws {
        let fixture = try ReporterFixture()
        let receipt = (try await fixture.service.submit(ReporterFixture.submission())).receipt
        await fixture.store.setFailWrites(true)
        let error = await #expect(throws: StoreError.self) {
            try await fixture.service.addMessage(receipt: receipt, text: "geht nicht")
        }
        #expect(error == .unavailable("writes disabled"))
    }
}
