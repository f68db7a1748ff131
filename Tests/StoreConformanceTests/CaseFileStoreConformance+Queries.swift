import Casework
import Foundation
import Members
import SichtbarCore
import SichtbarTesting
import Testing

/// `CaseFileStore` queries: order, cursor, filters, counts, lookups by id and the urgency order.
extension CaseFileStoreConformance {
    /// Newest received first, ties by id; a page's last case is the cursor of the next.
    @Test(arguments: Engine.allCases) func casesComeNewestFirstAndPageWithoutGapsOrRepeats(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        var files: [NewCaseFile] = []
        for offset in [0, 2, 2, 5, 1, 2, 0] {
            let file = fixture.newCase(received: day("2026-03-01").adding(days: offset), audit: false)
            try await fixture.caseFiles.create(file)
            files.append(file)
        }
        try await fixture.create(fixture.newCase(officeID: fixture.other.id, audit: false))
        let expected = files.sorted { lhs, rhs in
            lhs.receivedOn != rhs.receivedOn ? lhs.receivedOn > rhs.receivedOn : lhs.id.bytes.lexicographicallyPrecedes(rhs.id.bytes)
        }.map(\.id)
        #expect(try await fixture.caseFiles.cases(CaseQuery(officeID: fixture.office.id)).map(\.id) == expected)

        var paged: [EntityID] = []
        var query = CaseQuery(officeID: fixture.office.id, limit: 3)
        while true {
            let page = try await fixture.caseFiles.cases(query)
            paged += page.map(\.id)
            guard page.count == 3, let last = page.last else { break }
            query.after = CaseCursor(day: last.receivedOn, id: last.id)
        }
        #expect(paged == expected)
        #expect(try await fixture.caseFiles.countCases(CaseQuery(officeID: fixture.office.id, limit: 2)) == 7, "the limit does not count")
        let countAfterCursor = try await fixture.caseFiles.countCases(query)
        #expect(countAfterCursor == 7, "nor the cursor")
        #expect(try await fixture.caseFiles.countCases(CaseQuery(officeID: fixture.other.id)) == 1)
    }

    @Test(arguments: Engine.allCases) func filtersNarrowTheListAndTheCount(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let mine = try await fixture.create(
            fixture.newCase(step: "erstkontakt", assignees: [fixture.assignment(fixture.counsellor)], audit: false))
        let leads = try await fixture.create(
            fixture.newCase(step: "intervention", assignees: [fixture.assignment(fixture.lead)], audit: false))
        let nobodys = try await fixture.create(fixture.newCase(step: "erstkontakt", audit: false))
        let closed = try await fixture.create(
            fixture.newCase(step: "abschluss", assignees: [fixture.assignment(fixture.counsellor)], audit: false))
        let office = fixture.office.id
        func ids(_ query: CaseQuery) async throws -> Set<EntityID> {
            let found = Set(try await fixture.caseFiles.cases(query).map(\.id))
            #expect(try await fixture.caseFiles.countCases(query) == found.count, "the count agrees with the list")
            return found
        }
        #expect(try await ids(CaseQuery(officeID: office, step: "erstkontakt")) == [mine.id, nobodys.id])
        #expect(try await ids(CaseQuery(officeID: office, assignedTo: [fixture.counsellor.id])) == [mine.id, closed.id])
        #expect(
            try await ids(CaseQuery(officeID: office, assignedTo: [fixture.counsellor.id, fixture.lead.id])) == [
                mine.id, leads.id, closed.id,
            ])
        #expect(try await ids(CaseQuery(officeID: office, assignedTo: [])).isEmpty, "an empty list matches none")
        #expect(try await ids(CaseQuery(officeID: office, visibleTo: [fixture.lead.id])) == [leads.id])
        #expect(try await ids(CaseQuery(officeID: office, visibleTo: [])).isEmpty)
        var unassigned = CaseQuery(officeID: office)
        unassigned.unassigned = true
        #expect(try await ids(unassigned) == [nobodys.id])
        var open = CaseQuery(officeID: office)
        open.excludedSteps = ["abschluss", "intervention"]
        #expect(try await ids(open) == [mine.id, nobodys.id])
        var both = CaseQuery(officeID: office, step: "erstkontakt", assignedTo: [fixture.counsellor.id])
        #expect(try await ids(both) == [mine.id])
        both.visibleTo = [fixture.lead.id]
        #expect(try await ids(both).isEmpty, "every filter must match")
    }

    /// With a due filter the list runs by next due day, then id; cases without one are left out.
    @Test(arguments: Engine.allCases) func dueFiltersOrderByTheNextDueDay(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let late = try await fixture.create(fixture.newCase(due: day("2026-03-05"), audit: false))
        let today = try await fixture.create(fixture.newCase(due: day("2026-03-10"), audit: false))
        let soon = try await fixture.create(fixture.newCase(due: day("2026-03-12"), audit: false))
        let later = try await fixture.create(fixture.newCase(due: day("2026-04-30"), audit: false))
        try await fixture.create(fixture.newCase(audit: false))
        let office = fixture.office.id
        #expect(
            try await fixture.caseFiles.cases(CaseQuery(officeID: office, due: .overdue(today: day("2026-03-10")))).map(\.id) == [late.id])
        #expect(
            try await fixture.caseFiles.cases(CaseQuery(officeID: office, due: .until(day("2026-03-12")))).map(\.id) == [
                late.id, today.id, soon.id,
            ])
        var query = CaseQuery(officeID: office, due: .until(day("2026-12-31")), limit: 2)
        let first = try await fixture.caseFiles.cases(query)
        #expect(first.map(\.id) == [late.id, today.id])
        let last = try #require(first.last)
        query.after = CaseCursor(day: try #require(last.nextDue), id: last.id)
        #expect(try await fixture.caseFiles.cases(query).map(\.id) == [soon.id, later.id])
        let countAfterCursor = try await fixture.caseFiles.countCases(query)
        #expect(countAfterCursor == 4)
    }

    @Test(arguments: Engine.allCases) func anIDRangeAndTheUnreadMarkFilter(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let files = [fixture.newCase(audit: false), fixture.newCase(audit: false), fixture.newCase(audit: false)]
        for file in files { try await fixture.caseFiles.create(file) }
        let target = try #require(files.min { $0.id.bytes.lexicographicallyPrecedes($1.id.bytes) })
        let exact = CaseQuery(officeID: fixture.office.id, idRange: CaseQuery.IDRange(lower: target.id.bytes, upper: target.id.bytes + [0]))
        #expect(try await fixture.caseFiles.cases(exact).map(\.id) == [target.id])
        let all = CaseQuery(officeID: fixture.office.id, idRange: CaseQuery.IDRange(lower: [0], upper: nil))
        #expect(try await fixture.caseFiles.countCases(all) == 3)

        let report = try await fixture.submit()
        try await fixture.stores.reports.append([
            SealedRecord(id: .random(), caseID: report.caseID, kind: .message, keyVersion: 1, ciphertext: [1])
        ])
        var unread = CaseQuery(officeID: fixture.office.id)
        unread.unread = true
        #expect(try await fixture.caseFiles.cases(unread).map(\.id) == [report.caseID])
        #expect(try await fixture.caseFiles.countCases(unread) == 1)
    }

    @Test(arguments: Engine.allCases) func casesByIDAreTheOfficesOnly(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let mine = try await fixture.create(fixture.newCase(assignees: [fixture.assignment(fixture.counsellor)], audit: false))
        let theirs = try await fixture.create(fixture.newCase(officeID: fixture.other.id, audit: false))
        let found = try await fixture.caseFiles.cases(ids: [mine.id, theirs.id, .random()], officeID: fixture.office.id)
        #expect(Array(found.keys) == [mine.id])
        #expect(found[mine.id]?.assignees == mine.assignees)
        #expect(found[mine.id]?.keys == mine.keys)
        #expect(try await fixture.caseFiles.cases(ids: [], officeID: fixture.office.id).isEmpty)
    }

    /// The search scans sort keys and sealed classifications, in the list's order.
    @Test(arguments: Engine.allCases) func classifiedCasesCarryTheirSealedFacets(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let older = try await fixture.create(fixture.newCase(received: day("2026-02-01"), audit: false))
        let newer = try await fixture.create(fixture.newCase(received: day("2026-03-01"), audit: false))
        var classify = CaseUpdate(row: older)
        let facets = fixture.facets(month: "2026-02")
        classify.facets = facets
        try await fixture.caseFiles.update(classify)
        let scanned = try await fixture.caseFiles.classifiedCases(CaseQuery(officeID: fixture.office.id))
        #expect(scanned.map(\.id) == [newer.id, older.id])
        #expect(scanned.map(\.sortDay) == [day("2026-03-01"), day("2026-02-01")])
        #expect(scanned.map(\.facets) == [nil, facets])
        #expect(try await fixture.caseFiles.classifiedCases(CaseQuery(officeID: fixture.office.id, limit: 1)).map(\.id) == [newer.id])
    }

    /// Urgency: overdue, then unread, then due soon, then the rest; each by due day, then id;
    /// the cursor carries its stretch.
    @Test(arguments: Engine.allCases) func theUrgencyOrderPagesThroughItsStretches(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let rest = try await fixture.create(fixture.newCase(audit: false))
        let later = try await fixture.create(fixture.newCase(due: day("2026-05-01"), audit: false))
        let soon = try await fixture.create(fixture.newCase(due: day("2026-03-12"), audit: false))
        let overdue = try await fixture.create(fixture.newCase(due: day("2026-03-01"), audit: false))
        let report = try await fixture.submit(due: day("2026-04-01"))
        try await fixture.stores.reports.append([
            SealedRecord(id: .random(), caseID: report.caseID, kind: .message, keyVersion: 1, ciphertext: [1])
        ])
        var query = CaseQuery(officeID: fixture.office.id)
        query.urgency = CaseQuery.Urgency(today: day("2026-03-10"), soon: day("2026-03-17"))
        #expect(try await fixture.caseFiles.cases(query).map(\.id) == [overdue.id, report.caseID, soon.id, later.id, rest.id])
        query.limit = 2
        query.after = CaseCursor(day: day("2026-04-01"), id: report.caseID, bucket: 1)
        #expect(try await fixture.caseFiles.cases(query).map(\.id) == [soon.id, later.id])
        query.after = CaseCursor(day: day("2026-05-01"), id: later.id, bucket: 3)
        #expect(try await fixture.caseFiles.cases(query).map(\.id) == [rest.id])

        var filtered = CaseQuery(officeID: fixture.office.id, assignedTo: [fixture.counsellor.id])
        filtered.urgency = query.urgency
        #expect(try await fixture.caseFiles.cases(filtered).isEmpty, "the urgency order keeps the filters")
        var onlyUnread = CaseQuery(officeID: fixture.office.id)
        onlyUnread.urgency = query.urgency
        onlyUnread.unread = true
        #expect(try await fixture.caseFiles.cases(onlyUnread).map(\.id) == [report.caseID])
    }
}
