import Foundation
import SichtbarTesting
import Testing

@testable import Statistics

/// The worked example of the Statistics documentation (Statistics.docc/ProtectingATable.md) runs
/// here, and the article shows exactly this code.
@Suite struct DocumentationExampleTests {
    @Test func theWorkedExampleHidesTheSmallCountAndWhatWouldGiveItAway() throws {
        // BEGIN EXAMPLE
        // New cases of one office in 2026 by ground, with the total printed.
        let year = try #require(StatPeriod(year: 2026)).range
        let grounds = StatTable(
            name: "neue_faelle_nach_merkmal", unit: "neue_faelle", period: year, taxonomy: "3", dimensions: ["merkmal"],
            cells: [
                StatCell(key: ["merkmal": "ethnische_herkunft"], count: 41),
                StatCell(key: ["merkmal": "religion"], count: 2),
                StatCell(key: ["merkmal": "behinderung"], count: 17),
                StatCell(key: ["merkmal": "alter"], count: 9),
            ],
            margins: [StatCell(key: [:], count: 69)])

        // Counts below 5 are hidden, and no hidden count may be narrowed to fewer than 5 values.
        let protected = try DisclosureControl.protect([grounds], rules: DisclosureRules(minimumCount: 5, protectionWidth: 5))
        let published = protected.tables[0]
        // END EXAMPLE

        #expect(protected.verdict.isSafe)
        let religion = try #require(published.cells.first { $0.key["merkmal"] == "religion" })
        #expect(religion.count == nil && religion.suppressed && religion.primary)
        #expect(protected.summary.primary == 1)
        #expect(protected.summary.secondary == 1)
        let secondary = published.cells.filter { $0.suppressed && !$0.primary }
        #expect(secondary.count == 1)
        #expect(secondary.first?.key["merkmal"] == "alter", "the smallest count that hides it")
        #expect(published.margins.first?.count == 69)
        #expect(published.cells.filter { !$0.suppressed }.count == 2)
    }

    @Test func theArticleShowsTheCodeThatRuns() throws {
        let here = URL(fileURLWithPath: #filePath)
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let article = try String(
            contentsOf: root.appendingPathComponent("Sources/Statistics/Statistics.docc/ProtectingATable.md"), encoding: .utf8)
        let test = try String(contentsOf: here, encoding: .utf8)
        let block = try #require(DocumentationExample.codeBlock(in: article))
        #expect(block == DocumentationExample.markedCode(in: test))
        #expect(block.contains { $0.contains("DisclosureControl.protect") })
    }
}
