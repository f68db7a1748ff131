import Casework
import Foundation
import SichtbarCore
import SichtbarTesting
import Statistics
import Testing

/// `StatisticsStore`: the sealed classifications and plaintext counts statistics may read.
@Suite struct StatisticsStoreConformance {
    /// Classifications through a month, in month order, the office's own, shredded cases' included.
    @Test(arguments: Engine.allCases) func sealedFacetsRunThroughTheLastMonthInMonthOrder(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        var byMonth: [String: SealedFacets] = [:]
        for month in ["2026-03", "2025-12", "2026-01", "2026-02"] {
            let row = try await fixture.create(fixture.newCase(audit: false))
            var classify = CaseUpdate(row: row)
            let facets = fixture.facets(month: month)
            classify.facets = facets
            try await fixture.caseFiles.update(classify)
            byMonth[month] = facets
            if month == "2026-01" {
                try await fixture.caseFiles.shred(id: row.id, officeID: fixture.office.id, expectedRevision: row.revision + 1, audit: [])
            }
        }
        let theirs = try await fixture.create(fixture.newCase(officeID: fixture.other.id, audit: false))
        var classify = CaseUpdate(row: theirs)
        classify.facets = fixture.facets(month: "2026-01")
        try await fixture.caseFiles.update(classify)

        let statistics = fixture.stores.statistics
        let through = try await statistics.sealedFacets(officeID: fixture.office.id, through: "2026-02")
        #expect(through.map(\.month) == ["2025-12", "2026-01", "2026-02"])
        #expect(through == ["2025-12", "2026-01", "2026-02"].compactMap { byMonth[$0] })
        #expect(try await statistics.sealedFacets(officeID: fixture.office.id, through: "2025-11").isEmpty)
        #expect(try await statistics.sealedFacets(officeID: fixture.other.id, through: "2026-12").count == 1)
    }

    /// A reclassification replaces the case's classification: counted once.
    @Test(arguments: Engine.allCases) func aReclassifiedCaseIsCountedOnce(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let row = try await fixture.create(fixture.newCase(audit: false))
        var first = CaseUpdate(row: row)
        first.facets = fixture.facets(month: "2026-03")
        try await fixture.caseFiles.update(first)
        var second = CaseUpdate(row: try #require(try await fixture.row(row.id)))
        let replacement = fixture.facets(month: "2026-02")
        second.facets = replacement
        try await fixture.caseFiles.update(second)
        #expect(try await fixture.stores.statistics.sealedFacets(officeID: fixture.office.id, through: "2026-12") == [replacement])
        #expect(try await fixture.caseFiles.facets(caseID: row.id, officeID: fixture.office.id) == replacement)
    }

    /// Reports count as unclassified in their month until first classified or gone.
    @Test(arguments: Engine.allCases) func unclassifiedReportsFollowClassificationAndShredding(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let statistics = fixture.stores.statistics
        try await fixture.submit(received: day("2026-02-20"))
        let classified = try await fixture.submit()
        let shredded = try await fixture.submit()
        try await fixture.submit()
        try await fixture.submit(officeID: fixture.other.id)
        try await fixture.create(fixture.newCase(audit: false))
        #expect(try await statistics.unclassifiedReports(officeID: fixture.office.id, months: ["2026-03"]) == 3)
        #expect(try await statistics.unclassifiedReports(officeID: fixture.office.id, months: ["2026-02", "2026-03"]) == 4)
        #expect(try await statistics.unclassifiedReports(officeID: fixture.office.id, months: []) == 0)

        var classify = CaseUpdate(row: try #require(try await fixture.row(classified.caseID)))
        classify.facets = fixture.facets()
        try await fixture.caseFiles.update(classify)
        var again = CaseUpdate(row: try #require(try await fixture.row(classified.caseID)))
        again.facets = fixture.facets()
        try await fixture.caseFiles.update(again)
        #expect(try await statistics.unclassifiedReports(officeID: fixture.office.id, months: ["2026-03"]) == 2, "classified once")
        let row = try #require(try await fixture.row(shredded.caseID))
        try await fixture.caseFiles.shred(id: row.id, officeID: fixture.office.id, expectedRevision: row.revision, audit: [])
        #expect(try await statistics.unclassifiedReports(officeID: fixture.office.id, months: ["2026-03"]) == 1)
        let classifiedRow = try #require(try await fixture.row(classified.caseID))
        try await fixture.caseFiles.shred(
            id: classified.caseID, officeID: fixture.office.id, expectedRevision: classifiedRow.revision, audit: [])
        #expect(
            try await statistics.unclassifiedReports(officeID: fixture.office.id, months: ["2026-03"]) == 1,
            "a classified case left that count already")
        #expect(try await statistics.unclassifiedReports(officeID: fixture.office.id, months: ["2026-02"]) == 1)
        #expect(try await statistics.unclassifiedReports(officeID: fixture.other.id, months: ["2026-03"]) == 1)
    }
}
