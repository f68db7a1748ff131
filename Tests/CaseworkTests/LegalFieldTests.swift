import Casework
import Foundation
import SichtbarCore
import SichtbarTesting
import Testing
import Workflow

/// The legal fields of a case through the service: they follow the classification, can be set
/// by hand (audited, in the history), and refuse events and overrides of other fields.
@Suite("Legal fields: deadlines only of the case's field")
struct LegalFieldTests {
    @Test func aHousingCaseRefusesEmploymentEventsAndChainsNoLabourCourtDeadline() async throws {
        let fixture = try await ServiceFixture.make()
        let (_, caseID) = try await fixture.report()
        let counsellor = try await fixture.login("berater.a1")
        let service = fixture.casework
        let today = Day(fixture.clock.now)

        // Unclassified: only the office's own duties; an employment event is refused, naming both sides.
        await #expect(
            throws: WorkflowRejection.fieldMismatch(
                code: "ablehnung_zugegangen", fields: ["beschaeftigung"],
                caseFields: ["beratung", "datenschutz"])
        ) {
            try await service.recordEvent("ablehnung_zugegangen", on: today, to: caseID, by: counsellor)
        }
        try await service.classify(
            caseID, codes: ["ground": ["antimuslimisch"], "area": ["wohnen"]], flags: [], region: nil, by: counsellor)
        var view = try await service.open(caseID, for: counsellor)
        #expect(view.sheet.classifiedFields == ["zivilrecht"])
        try await service.recordEvent("benachteiligung_bekannt", on: today.adding(days: -10), to: caseID, by: counsellor)
        try await service.recordEvent("anspruch_geltend_gemacht", on: today, to: caseID, by: counsellor)
        view = try await service.open(caseID, for: counsellor)
        #expect(!view.deadlines.contains { $0.rule == "arbgg_61b" }, "\(view.deadlines.map(\.rule))")
        #expect(view.deadlines.first { $0.rule == "agg_21_5" }?.state == .met)
        await #expect(throws: WorkflowRejection.self) {
            try await service.setDeadline(
                rule: "arbgg_61b", label: "", due: today.adding(days: 30), reason: "Test", on: caseID, by: counsellor)
        }
        await #expect(throws: WorkflowRejection.self) {
            try await service.recordEvent("kuendigung_zugegangen", on: today, to: caseID, by: counsellor)
        }

        // By hand: the case is also an employment case (the landlord is the employer); audited, in the history.
        try await service.setLegalFields(["zivilrecht", "beschaeftigung"], on: caseID, by: counsellor)
        try await service.recordEvent("kuendigung_zugegangen", on: today, to: caseID, by: counsellor)
        view = try await service.open(caseID, for: counsellor)
        #expect(view.sheet.chosenFields == ["beschaeftigung", "zivilrecht"], "in policy order")
        #expect(view.deadlines.contains { $0.rule == "kschg_4" })
        #expect(view.timeline.contains { $0.kind == .fields && $0.text == "beschaeftigung,zivilrecht" })
        // Back to the classification: the employment deadline leaves the case.
        try await service.setLegalFields(nil, on: caseID, by: counsellor)
        view = try await service.open(caseID, for: counsellor)
        #expect(view.sheet.chosenFields == nil)
        #expect(!view.deadlines.contains { $0.rule == "kschg_4" })
        await #expect(throws: FieldError.self) { try await service.setLegalFields(["familienrecht"], on: caseID, by: counsellor) }

        let audit = try await fixture.store.auditEntries(chain: fixture.officeA.id, from: 1, limit: 1_000).map(\.event.action)
        #expect(audit.filter { $0 == "case.fields_set" }.count == 2)
    }
}
