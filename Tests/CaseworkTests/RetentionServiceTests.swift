import Casework
import Foundation
import Intake
import Sealing
import SichtbarCore
import SichtbarTesting
import Statistics
import Testing
import Workflow

@testable import InMemoryStore

/// Retention over the in-memory engine under a test clock: each kind deleted on its day and not the
/// day before, its receipt then unknown, the legal hold, the audit chain, the classifications of a
/// released year. (No sealed byte left in the file: CaseStoreTests' `RetentionTests`.)
@Suite struct RetentionServiceTests {
    /// 20 November 2025, 11:00 in Berlin.
    static let start = Date(timeIntervalSince1970: 1_763_632_800)

    /// Every chain's events (the whole audit log), each chain in order.
    func allEvents(_ fixture: ServiceFixture<InMemoryDatabase>) async throws -> [AuditEvent] {
        var events: [AuditEvent] = []
        for chain in try await fixture.store.chains() {
            events += try await fixture.store.auditEntries(chain: chain, from: 1, limit: 10_000).map(\.event)
        }
        return events
    }

    @Test func eachKindGoesOnItsDayAndNotTheDayBefore() async throws {
        let fixture = try await ServiceFixture.make(now: Self.start)
        let lead = try await fixture.login("lead.a")
        let casework = fixture.casework
        // A Meldung classified today, one nobody classifies, a closed Beratungsfall, a deletion request, a held case.
        let (reportReceipt, report) = try await fixture.submitCase()
        try await casework.classify(report, codes: ["ground": ["antisemitismus"], "area": ["wohnen"]], flags: [], region: nil, by: lead)
        let (unclassifiedReceipt, unclassified) = try await fixture.submitCase()
        var closedCases: [EntityID] = []
        for _ in 0..<2 {
            let (_, id) = try await fixture.submitCase()
            try await casework.transition(id, TransitionRequest(from: "eingegangen", to: "sachverhaltsklaerung"), by: lead)
            try await casework.transition(
                id,
                TransitionRequest(
                    from: "sachverhaltsklaerung", to: "abschluss", outcome: "information",
                    reason: "Auskunft gegeben"), by: lead)
            closedCases.append(id)
        }
        let (closed, held) = (closedCases[0], closedCases[1])
        try await casework.setLegalHold(held, hold: true, by: lead)
        let (requestReceipt, requested) = try await fixture.submitCase()
        try await casework.transition(
            requested,
            TransitionRequest(
                from: "eingegangen", to: "loeschung_beantragt", requester: "gespraech",
                confirmed: true), by: lead)

        let retention = RetentionService(store: fixture.stores.retention, policy: RetentionPolicy(), now: { fixture.clock.now })
        var expectedGone: Set<EntityID> = []
        for (dayBefore, day, kind, id, receipt) in [
            ("2025-12-19", "2025-12-20", RetentionKind.deletionRequest, requested, Optional(requestReceipt)),
            ("2026-02-19", "2026-02-20", .report, report, reportReceipt),
            ("2026-11-19", "2026-11-20", .unclassified, unclassified, unclassifiedReceipt),
            ("2028-12-31", "2029-01-01", .closedCase, closed, nil),
        ] {
            try fixture.clock.move(to: dayBefore)
            let before = try await retention.run(dryRun: false)
            #expect(before.shredded.isEmpty, "nothing goes on \(dayBefore)")
            #expect(try await fixture.retentionCandidateIDs().contains(id))
            try fixture.clock.move(to: day)
            let dry = try await retention.run(dryRun: true)
            #expect(dry.due == [kind: 1] && dry.shredded.isEmpty, "\(day): a dry run counts and deletes nothing")
            #expect(try await fixture.retentionCandidateIDs().contains(id))
            let run = try await retention.run(dryRun: false)
            #expect(run.shredded == [kind: 1], "\(day)")
            expectedGone.insert(id)
            let left = try await fixture.retentionCandidateIDs()
            #expect(left.isDisjoint(with: expectedGone))
            if let receipt {
                #expect(try await fixture.reporter.read(receipt: receipt, includeReport: false) == nil, "the receipt answers as unknown")
            }
        }
        #expect(try await fixture.retentionCandidateIDs() == [held], "only the held case is left")
        let final = try await retention.run(dryRun: true)
        #expect(final.held == 1)
        try await casework.setLegalHold(held, hold: false, by: lead)
        #expect(try await retention.run(dryRun: false).shredded == [.closedCase: 1], "lifted, it goes at the next run")

        let events = try await allEvents(fixture).filter { $0.actor == "system" }.map(\.action)
        #expect(
            events == [
                "retention.deletion_carried_out", "retention.report_shredded", "retention.unclassified_shredded",
                "retention.closed_case_shredded", "retention.closed_case_shredded",
            ])
        let holds = try await allEvents(fixture).map(\.action).filter { $0.hasPrefix("case.legal_hold") }
        #expect(holds == ["case.legal_hold_set", "case.legal_hold_lifted"])
        let verdict = try await fixture.store.verifyChain(fixture.officeA.id, key: fixture.signer.publicKey)
        guard case .intact = verdict else {
            Issue.record("chain: \(verdict)")
            return
        }
    }

    @Test func aCaseChangedSinceItWasReadWaitsForTheNextRun() async throws {
        let fixture = try await ServiceFixture.make(now: Self.start)
        let lead = try await fixture.login("lead.a")
        let (_, id) = try await fixture.submitCase()
        try await fixture.casework.transition(
            id,
            TransitionRequest(
                from: "eingegangen", to: "loeschung_beantragt", requester: "vorschlag_stelle",
                confirmed: true), by: lead)
        let stale = try #require(try await fixture.stores.retention.retentionCandidates().first { $0.id == id })
        // Taken back before the run deletes it: the run's compare-and-delete leaves it.
        try await fixture.casework.transition(id, TransitionRequest(from: "loeschung_beantragt", to: "previous"), by: lead)
        let done = try await fixture.stores.retention.shredForRetention([(stale, .deletionRequest)], at: Self.start)
        #expect(done.isEmpty)
        #expect(
            try await fixture.stores.retention.retentionCandidates().first { $0.id == id }?.deletionRequestedOn == nil,
            "taking the request back clears its day")
    }

    @Test func theClassificationsOfDeletedCasesGoOnceTheirYearIsReleased() async throws {
        let fixture = try await ServiceFixture.make(now: Self.start)
        let lead = try await fixture.login("lead.a")
        let (_, id) = try await fixture.submitCase()
        try await fixture.casework.classify(id, codes: ["ground": ["lebensalter"]], flags: [], region: nil, by: lead)
        let retention = RetentionService(store: fixture.stores.retention, policy: RetentionPolicy(), now: { fixture.clock.now })
        try fixture.clock.move(to: "2026-02-20")
        #expect(try await retention.run(dryRun: false).shredded == [.report: 1])
        let facets = { try fixture.database.read { state in state.facets.count } }
        #expect(try facets() == 1, "the classification outlives the case: 2025 is not released yet")

        let office = fixture.officeA.id
        func release(_ period: String) -> StoredRelease {
            StoredRelease(
                id: .random(), officeID: office, period: period, createdAt: "2026-02-20T10:00:00Z", keyVersion: 1, sealed: [1, 2, 3])
        }
        _ = try await fixture.stores.releases.freeze(release("2025-Q3"), audit: .member("lead.a", .releaseFrozen, "2025-Q3"))
        #expect(try await retention.run(dryRun: true).facetsDue == 0, "a quarter's release is not the year's")
        _ = try await fixture.stores.releases.freeze(release("2025"), audit: .member("lead.a", .releaseFrozen, "2025"))
        let run = try await retention.run(dryRun: false)
        #expect(run.facetsDue == 1 && run.facetsDropped == 1)
        #expect(try facets() == 0)
        await #expect(throws: FieldError.self, "a quarter of a year whose classifications were dropped would count too few") {
            _ = try await fixture.stores.releases.freeze(release("2025-Q4"), audit: .member("lead.a", .releaseFrozen, "2025-Q4"))
        }
        let kept = try await fixture.stores.releases.freeze(release("2025-Q3"), audit: .member("lead.a", .releaseFrozen, "2025-Q3"))
        #expect(kept.sealed == [1, 2, 3], "a quarter frozen before stays as it was")
    }
}
