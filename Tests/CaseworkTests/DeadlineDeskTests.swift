import Casework
import Foundation
import SichtbarCore
import SichtbarTesting
import Testing

/// The deadlines desk through the service: who is responsible, "mine", Wiedervorlagen with an
/// owner, and a legal deadline marked versäumt with its reason instead of overdue for ever.
@Suite("Deadlines desk: responsibility, mine, versäumt")
struct DeadlineDeskTests {
    @Test func anOverdueClaimIsMarkedMissedAndLeavesTheDueListsButANewStartRunsAgain() async throws {
        let fixture = try await ServiceFixture.make()
        let (_, caseID) = try await fixture.report()
        let lead = try await fixture.login("lead.a")
        let counsellor = try await fixture.login("berater.a1")
        let service = fixture.casework
        let today = Day(fixture.clock.now)
        try await service.assign([("berater.a1", .beratung)], to: caseID, by: lead)
        try await service.classify(
            caseID, codes: ["ground": ["lebensalter"], "area": ["arbeitssuche"]], flags: [], region: nil, by: counsellor)
        try await service.recordEvent("ablehnung_zugegangen", on: today.adding(days: -70), to: caseID, by: counsellor)
        try await service.setDeadline(
            rule: nil, label: "Rückruf Personalabteilung", due: today.adding(days: 3), reason: nil,
            owner: "berater.a2", on: caseID, by: counsellor)
        await #expect(throws: FieldError.self, "the owner must work cases in this office") {
            try await service.setDeadline(rule: nil, label: "x", due: today, reason: nil, owner: "berater.b", on: caseID, by: counsellor)
        }

        // Responsibility: the legal deadline is the counsellor's in charge, the follow-up its owner's.
        let all = try await service.dueDeadlines(for: lead)
        let claim = try #require(all.first { $0.deadline.rule == "agg_15_4" })
        #expect(claim.deadline.state == .overdue && claim.responsible == "berater.a1")
        #expect(all.first { !$0.deadline.isLegal }?.responsible == "berater.a2")
        #expect(try await service.dueDeadlines(for: lead, mine: true).isEmpty, "the lead is responsible for none")
        let mine = try await service.dueDeadlines(for: counsellor, mine: true)
        #expect(mine.map(\.deadline.rule).contains("agg_15_4") && !mine.contains { !$0.deadline.isLegal })

        // Only an overdue deadline can be missed, and only with a reason.
        await #expect(throws: FieldError.self) {
            try await service.markMissed(rule: "erste_rueckmeldung", reason: "zu spät", on: caseID, by: counsellor)
        }
        await #expect(throws: FieldError.self) { try await service.markMissed(rule: "agg_15_4", reason: "  ", on: caseID, by: counsellor) }
        try await service.markMissed(rule: "agg_15_4", reason: "Person erst nach Fristende gekommen", on: caseID, by: counsellor)
        var view = try await service.open(caseID, for: counsellor)
        let missed = try #require(view.deadlines.first { $0.rule == "agg_15_4" })
        #expect(missed.state == .missed && missed.missedReason == "Person erst nach Fristende gekommen")
        #expect(view.timeline.contains { $0.kind == .deadlineMissed && $0.text == "Person erst nach Fristende gekommen" })
        #expect(!(try await service.dueDeadlines(for: lead)).contains { $0.deadline.rule == "agg_15_4" })
        let audit = try await fixture.store.auditEntries(chain: fixture.officeA.id, from: 1, limit: 1_000).map(\.event)
        #expect(audit.contains { $0.action == "case.deadline_missed" && $0.subject == "\(caseID.hex) agg_15_4" })
        #expect(!audit.contains { $0.subject.contains("Fristende") }, "the reason stays sealed in the case")

        // A second rejection starts a new period, which is not missed.
        try await service.recordEvent("ablehnung_zugegangen", on: today, to: caseID, by: counsellor)
        view = try await service.open(caseID, for: counsellor)
        #expect(view.deadlines.first { $0.rule == "agg_15_4" }?.state == .open)
    }
}
