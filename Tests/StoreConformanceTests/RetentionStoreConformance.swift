import Casework
import Foundation
import Intake
import SichtbarCore
import SichtbarTesting
import Statistics
import Testing
import Workflow

/// `RetentionStore`: the plaintext the schedule reads, the compare-and-shred, and the
/// classifications of deleted cases in released years.
@Suite struct RetentionStoreConformance {
    @Test(arguments: Engine.allCases) func candidatesShowEveryCaseOfEveryOfficeAsTheScheduleSeesIt(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let report = try await fixture.submit()
        let closed = try await fixture.create(fixture.newCase(step: "abschluss", received: day("2026-01-05"), closedOn: day("2026-03-01")))
        let theirs = try await fixture.create(fixture.newCase(officeID: fixture.other.id, audit: false))
        let candidates = try await fixture.stores.retention.retentionCandidates()
        #expect(Set(candidates.map(\.id)) == [report.caseID, closed.id, theirs.id])
        let reportCandidate = try #require(candidates.first { $0.id == report.caseID })
        #expect(
            reportCandidate
                == RetentionCandidate(
                    id: report.caseID, officeID: fixture.office.id, kind: "meldung", step: "eingegangen", receivedOn: fixture.clock.today,
                    classifiedOn: nil, closedOn: nil, deletionRequestedOn: nil, legalHold: false))
        let closedCandidate = try #require(candidates.first { $0.id == closed.id })
        #expect(closedCandidate.kind == "beratungsfall" && closedCandidate.step == "abschluss")
        #expect(closedCandidate.receivedOn == day("2026-01-05"))
        #expect(closedCandidate.closedOn == day("2026-03-01"))
        #expect(candidates.first { $0.id == theirs.id }?.officeID == fixture.other.id)
    }

    /// The first classification starts a Meldung's retention on the engine's day; a later one does not move it.
    @Test(arguments: Engine.allCases) func theFirstClassificationDayIsKept(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let report = try await fixture.submit()
        var update = CaseUpdate(row: try #require(try await fixture.row(report.caseID)))
        update.facets = fixture.facets()
        try await fixture.caseFiles.update(update)
        let classifiedOn = fixture.clock.today
        fixture.clock.advance(days: 3)
        var again = CaseUpdate(row: try #require(try await fixture.row(report.caseID)))
        again.facets = fixture.facets()
        try await fixture.caseFiles.update(again)
        let candidate = try #require(try await fixture.stores.retention.retentionCandidates().first)
        #expect(candidate.classifiedOn == classifiedOn)
        #expect(try await fixture.stores.statistics.unclassifiedReports(officeID: fixture.office.id, months: ["2026-03"]) == 0)
    }

    /// A counsellor moving a case to `loeschung_beantragt` starts the deletion deadline on that day, once.
    @Test(arguments: Engine.allCases) func aDeletionRequestStepStartsTheDeadlineOnce(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let row = try await fixture.create(fixture.newCase(audit: false))
        var request = CaseUpdate(row: row)
        request.step = WorkflowPolicy.deletionRequestedStep
        try await fixture.caseFiles.update(request)
        let requestedOn = fixture.clock.today
        fixture.clock.advance()
        try await fixture.caseFiles.update(CaseUpdate(row: try #require(try await fixture.row(row.id))))
        let candidate = try #require(try await fixture.stores.retention.retentionCandidates().first)
        #expect(candidate.step == WorkflowPolicy.deletionRequestedStep)
        #expect(candidate.deletionRequestedOn == requestedOn)
    }

    @Test(arguments: Engine.allCases) func dueCasesAreShreddedWithOneSystemEventEach(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let report = try await fixture.submit()
        let closed = try await fixture.create(fixture.newCase(step: "abschluss", closedOn: day("2026-03-01"), audit: false))
        let kept = try await fixture.create(fixture.newCase(audit: false))
        let theirs = try await fixture.create(fixture.newCase(officeID: fixture.other.id, audit: false))
        let candidates = try await fixture.stores.retention.retentionCandidates()
        func candidate(_ id: EntityID) throws -> RetentionCandidate {
            guard let found = candidates.first(where: { $0.id == id }) else { throw StoreError.notFound }
            return found
        }
        let now = noon("2026-03-10")
        let shredded = try await fixture.stores.retention.shredForRetention(
            [(try candidate(report.caseID), .report), (try candidate(closed.id), .closedCase), (try candidate(theirs.id), .unclassified)],
            at: now)
        #expect(Set(shredded) == [report.caseID, closed.id, theirs.id])
        #expect(try await fixture.stores.retention.retentionCandidates().map(\.id) == [kept.id])
        #expect(try await fixture.stores.reports.mailbox(lookupID: report.lookupID) == nil)
        #expect(try await fixture.stores.statistics.unclassifiedReports(officeID: fixture.office.id, months: ["2026-03"]) == 0)
        let events = try await fixture.entries().map(\.event)
        #expect(
            Set(events.map { "\($0.action) \($0.subject)" })
                == ["retention.report_shredded \(report.caseID.hex)", "retention.closed_case_shredded \(closed.id.hex)"])
        #expect(events.allSatisfy { $0.actor == "system" && $0.at == AuditEvent.timestamp(now) })
        #expect(
            try await fixture.entries(fixture.other.id).map(\.event) == [
                .member("system", .retentionUnclassifiedShredded, theirs.id.hex, at: now)
            ])
        #expect(try await fixture.verify() == .intact(count: 2))
    }

    /// Compare and shred: a case changed since it was read, a held case and a gone case are left alone.
    @Test(arguments: Engine.allCases) func aChangedOrHeldCaseWaitsForTheNextRun(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let changed = try await fixture.create(fixture.newCase(audit: false))
        let held = try await fixture.create(fixture.newCase(audit: false))
        let gone = try await fixture.create(fixture.newCase(audit: false))
        try await fixture.caseFiles.setLegalHold(
            caseID: held.id, officeID: fixture.office.id, hold: true, audit: fixture.event("lead.a", .legalHoldSet))
        let candidates = try await fixture.stores.retention.retentionCandidates()
        var update = CaseUpdate(row: changed)
        update.step = "abschluss"
        update.closedOn = fixture.clock.today
        try await fixture.caseFiles.update(update)
        try await fixture.caseFiles.shred(id: gone.id, officeID: fixture.office.id, expectedRevision: gone.revision, audit: [])
        let shredded = try await fixture.stores.retention.shredForRetention(candidates.map { ($0, .closedCase) }, at: Date())
        #expect(shredded.isEmpty)
        #expect(Set(try await fixture.stores.retention.retentionCandidates().map(\.id)) == [changed.id, held.id])
        #expect(try await fixture.actions() == ["case.legal_hold_set"], "nothing shredded, nothing audited")
    }

    /// Classifications of deleted cases are dropped only for years the office has released.
    @Test(arguments: Engine.allCases) func orphanFacetsOfAReleasedYearAreDroppedWithAnEvent(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        var orphans: [SealedFacets] = []
        for month in ["2025-04", "2025-11", "2026-02"] {
            let row = try await fixture.create(fixture.newCase(audit: false))
            var classify = CaseUpdate(row: row)
            let facets = fixture.facets(month: month)
            classify.facets = facets
            try await fixture.caseFiles.update(classify)
            try await fixture.caseFiles.shred(id: row.id, officeID: fixture.office.id, expectedRevision: row.revision + 1, audit: [])
            orphans.append(facets)
        }
        let living = try await fixture.create(fixture.newCase(audit: false))
        var classify = CaseUpdate(row: living)
        classify.facets = fixture.facets(month: "2025-06")
        try await fixture.caseFiles.update(classify)
        #expect(try await fixture.stores.retention.releasedOrphanFacets().isEmpty, "no year released yet")

        let release = StoredRelease(
            id: .random(), officeID: fixture.office.id, period: "2025", createdAt: "2026-01-10T09:00:00Z", keyVersion: 1, sealed: [1])
        _ = try await fixture.stores.releases.freeze(release, audit: fixture.event("lead.a", .releaseFrozen, "2025"))
        let found = try await fixture.stores.retention.releasedOrphanFacets()
        #expect(found == [OrphanFacets(officeID: fixture.office.id, year: 2025, count: 2)])
        let now = noon("2026-03-10")
        #expect(try await fixture.stores.retention.dropOrphanFacets(found, at: now) == 2)
        #expect(try await fixture.stores.retention.releasedOrphanFacets().isEmpty)
        let left = try await fixture.stores.statistics.sealedFacets(officeID: fixture.office.id, through: "9999-12")
        #expect(Set(left.map(\.month)) == ["2025-06", "2026-02"], "the living case's and the unreleased year's stay")
        let last = try #require(try await fixture.entries().last)
        #expect(last.event == .member("system", .retentionFacetsDropped, "2025: 2", at: now))
        #expect(try await fixture.stores.retention.dropOrphanFacets(found, at: now) == 0, "nothing left to drop")
        #expect(try await fixture.actions().filter { $0 == "retention.facets_dropped" }.count == 1)

        let quarter = StoredRelease(
            id: .random(), officeID: fixture.office.id, period: "2025-Q4", createdAt: "2026-03-10T09:00:00Z", keyVersion: 1, sealed: [2])
        await #expect(throws: (any Error).self, "a quarter of a year whose classifications were dropped would count too few") {
            try await fixture.stores.releases.freeze(quarter, audit: fixture.event("lead.a", .releaseFrozen, "2025-Q4"))
        }
        #expect(try await fixture.stores.releases.releases(officeID: fixture.office.id).map(\.period) == ["2025"])
    }
}
