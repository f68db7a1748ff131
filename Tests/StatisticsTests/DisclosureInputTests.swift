import Statistics
import Testing

/// What `protect` refuses, what the audit calls unreadable or unsafe without arithmetic, and
/// the simple guarantees of the output.
@Suite("Disclosure control: input checks and output form")
struct DisclosureInputTests {
    typealias F = DisclosureFixtures

    @Test func protectRefusesTablesThatDoNotAddUp() throws {
        let wrongTotal = try F.oneWay("t", "area", [("arbeit", 12), ("wohnen", 8)], total: 21)
        #expect(throws: DisclosureInputError.self) { try DisclosureControl.protect([wrongTotal]) }
        let first = try F.oneWay("t1", "area", [("arbeit", 12), ("wohnen", 8)], total: 20)
        let second = try F.oneWay("t2", "bezirk", [("koeln", 12), ("detmold", 9)], total: 21)
        do {
            _ = try DisclosureControl.protect([first, second])
            Issue.record("two values for the same grand total were accepted")
        } catch {
            #expect(error.reason.contains("another table"))
        }
    }

    @Test func protectRefusesMalformedTables() throws {
        var missingCell = try F.twoWay(
            "t", rows: ("area", ["arbeit", "wohnen"]), columns: ("bezirk", ["koeln", "detmold"]), [[5, 6], [7, 8]])
        missingCell.cells.removeLast()
        #expect(throws: DisclosureInputError.self) { try DisclosureControl.protect([missingCell]) }
        var suppressedInput = try F.oneWay("t", "area", [("arbeit", 12), ("wohnen", 8)])
        suppressedInput.cells[0] = StatCell(key: ["area": "arbeit"], count: nil, suppressed: true)
        #expect(throws: DisclosureInputError.self) { try DisclosureControl.protect([suppressedInput]) }
        var threeDimensions = try F.oneWay("t", "area", [("arbeit", 12)])
        threeDimensions.dimensions = ["area", "bezirk", "ground"]
        #expect(throws: DisclosureInputError.self) { try DisclosureControl.protect([threeDimensions]) }
        let duplicateName = try F.oneWay("t", "area", [("arbeit", 12)])
        #expect(throws: DisclosureInputError.self) { try DisclosureControl.protect([duplicateName, duplicateName]) }
        var multiWithoutFlag = try F.oneWay("t", "ground", [("a", 12), ("b", 7)], total: 15, multiValued: true)
        multiWithoutFlag.additive = true
        #expect(throws: DisclosureInputError.self) { try DisclosureControl.protect([multiWithoutFlag]) }
    }

    @Test func theAuditReadsWhatIsPrinted() throws {
        let table = try F.oneWay("t", "area", [("arbeit", 12), ("wohnen", 8), ("bildung", 9)], total: 29)
        #expect(DisclosureAudit().check([table]) == .safe)
        var small = table
        small.cells[1].count = 3
        small.margins[0].count = 24
        guard case .unsafe(let cell, nil, let reason) = DisclosureAudit().check([small]) else {
            Issue.record("a printed 3 passed")
            return
        }
        #expect(cell.key == ["area": "wohnen"] && reason.contains("minimum"))
        var printedAnyway = table
        printedAnyway.cells[1] = StatCell(key: ["area": "wohnen"], count: 8, suppressed: true)
        #expect(!DisclosureAudit().check([printedAnyway]).isSafe)
        var contradiction = table
        contradiction.margins[0].count = 30
        guard case .unreadable = DisclosureAudit().check([contradiction]) else {
            Issue.record("a wrong total was read")
            return
        }
        let elsewhere = try F.oneWay("t2", "bezirk", [("koeln", 20), ("detmold", 9)], total: nil)
        var hiddenTotal = table
        hiddenTotal.margins[0] = StatCell(key: [:], count: nil, suppressed: true)
        var printedTotal = elsewhere
        printedTotal.margins = [StatCell(key: [:], count: 29)]
        guard case .unsafe(_, _, let mixed) = DisclosureAudit().check([hiddenTotal, printedTotal]) else {
            Issue.record("a total hidden in one table and printed in another passed")
            return
        }
        #expect(mixed.contains("printed at"))
    }

    @Test func protectIsDeterministicAndKeepsTheTablesShape() throws {
        let tables = DisclosureBenchmark.linkedRelease(cases: 600, seed: 7)
        let first = try DisclosureControl.protect(tables)
        let second = try DisclosureControl.protect(tables)
        #expect(first.tables == second.tables && first.summary == second.summary)
        for (output, input) in zip(first.tables, tables) {
            #expect(output.cells.map(\.key) == input.cells.map(\.key) && output.margins.map(\.key) == input.margins.map(\.key))
            #expect(output.name == input.name && output.unit == input.unit && output.multiValued == input.multiValued)
        }
        // The area margins are shared by both tables and have one status in both.
        for area in tables[1].margins.compactMap({ $0.key["area"] }) {
            #expect(F.isSuppressed(first.tables[0], ["area": area]) == F.isSuppressed(first.tables[1], ["area": area]))
        }
    }

    @Test func withoutTheGroupRuleOnlySmallCountsArePrimary() throws {
        let tables = [
            try F.twoWay(
                "t", rows: ("area", ["arbeit", "wohnen", "polizei"]), columns: ("bezirk", ["koeln", "detmold", "muenster"]),
                [[12, 9, 15], [6, 8, 7], [0, 7, 0]])
        ]
        let plain = try DisclosureControl.protect(tables, rules: DisclosureRules(groupAttribute: false))
        #expect(plain.summary.primary == 0 && plain.summary.secondary == 0)
        let grouped = try DisclosureControl.protect(tables)
        #expect(grouped.summary.primary == 1 && grouped.verdict == .safe)
    }

    @Test func aTinyTableIsProtectedByHidingItsTotalToo() throws {
        // One area only: the cell equals the total. Both are 3; hidden together they are unbounded.
        let tables = [try F.oneWay("t", "area", [("arbeit", 3)], total: 3)]
        let protected = try DisclosureControl.protect(tables)
        #expect(protected.verdict == .safe && protected.summary.primary == 2)
        #expect(protected.tables[0].cells[0].count == nil && protected.tables[0].margins[0].count == nil)
    }
}
