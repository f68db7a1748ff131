import Statistics
import Testing

/// Hand-worked releases where suppressing only the small counts leaks, each leak spelled out,
/// shown on the naive output (by the module's audit and by the tests' own oracle), and fixed
/// by `protect`.
@Suite("Disclosure control: hand-worked leaks of primary-only suppression")
struct DisclosureLeakTests {
    typealias F = DisclosureFixtures

    /// The naive output leaks (audit and oracle agree); `protect` fixes it.
    private func expectLeakFixed(
        _ tables: [StatTable], leak key: [String: String], in tableName: String,
        interval: FeasibleInterval? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [StatTable] {
        let naive = F.naive(tables)
        let verdict = DisclosureAudit().check(naive)
        guard case .unsafe(let cell, let found, _) = verdict else {
            Issue.record("naive output passed the audit", sourceLocation: sourceLocation)
            return []
        }
        #expect(cell.table == tableName && cell.key == key, "first problem: \(verdict)", sourceLocation: sourceLocation)
        if let interval { #expect(found == interval, sourceLocation: sourceLocation) }
        #expect(!OracleCheck.check(naive, truth: tables).problems.isEmpty, "the oracle sees the leak too", sourceLocation: sourceLocation)

        let protected = try DisclosureControl.protect(tables)
        #expect(protected.verdict == .safe, sourceLocation: sourceLocation)
        let oracle = OracleCheck.check(protected.tables, truth: tables)
        #expect(oracle.problems.isEmpty, "\(oracle.problems)", sourceLocation: sourceLocation)
        return protected.tables
    }

    @Test func aSingleSuppressedCellFollowsFromItsTotal() throws {
        // wohnen = 35 − 12 − 20 = 3: hiding one cell of a line with a printed total hides nothing.
        let tables = [try F.oneWay("nach_lebensbereich", "area", [("arbeit", 12), ("wohnen", 3), ("bildung", 20)], total: 35)]
        let out = try expectLeakFixed(
            tables, leak: ["area": "wohnen"], in: "nach_lebensbereich",
            interval: FeasibleInterval(lower: 3, upper: 3))
        let table = try #require(out.first)
        #expect(table.cells.first { $0.key == ["area": "wohnen"] }?.primary == true)
        #expect(table.cells.filter(\.suppressed).count + table.margins.filter(\.suppressed).count >= 2)
    }

    @Test func twoCellsOfARowFollowFromTheColumnTotals() throws {
        // Row arbeit: x + y = 15 − 10 = 5 alone would leave x in [0, 5]; but column köln gives
        // x = 10 − 8 = 2 and column detmold y = 12 − 9 = 3.
        let tables = [
            try F.twoWay(
                "nach_lebensbereich_und_bezirk", rows: ("area", ["arbeit", "wohnen"]),
                columns: ("bezirk", ["koeln", "detmold", "muenster"]), [[2, 3, 10], [8, 9, 7]])
        ]
        _ = try expectLeakFixed(
            tables, leak: ["area": "arbeit", "bezirk": "koeln"], in: "nach_lebensbereich_und_bezirk",
            interval: FeasibleInterval(lower: 2, upper: 2))
    }

    @Test func aOneWayTableGivesAwayTheMarginOfATwoWayTable() throws {
        // The two-way table prints no margins, so alone its hidden 1 and 2 are unbounded. The
        // one-way table by Bezirk prints köln = 18, which is the two-way table's köln margin
        // (same unit, same key): 9 + 8 + x = 18 gives x = 1.
        let twoWay = try F.twoWay(
            "nach_lebensbereich_und_bezirk", rows: ("area", ["arbeit", "wohnen", "bildung"]),
            columns: ("bezirk", ["koeln", "detmold"]), [[9, 8], [8, 7], [1, 2]],
            rowTotals: nil, columnTotals: nil, total: nil)
        let oneWay = try F.oneWay("nach_bezirk", "bezirk", [("koeln", 18), ("detmold", 17)], total: 35)
        #expect(DisclosureAudit().check(F.naive([twoWay])) == .safe, "each table alone is safe")
        _ = try expectLeakFixed(
            [twoWay, oneWay], leak: ["area": "bildung", "bezirk": "koeln"],
            in: "nach_lebensbereich_und_bezirk", interval: FeasibleInterval(lower: 1, upper: 1))
    }

    @Test func aRowHeldByOneCellRevealsTheGroup() throws {
        // Polizei und Justiz: 0, 7, 0 with margin 7. No count is small, yet printing it says that
        // every police case of the year came from Detmold.
        let tables = [
            try F.twoWay(
                "nach_lebensbereich_und_bezirk", rows: ("area", ["arbeit", "wohnen", "polizei_justiz"]),
                columns: ("bezirk", ["koeln", "detmold", "muenster"]), [[12, 9, 15], [6, 8, 7], [0, 7, 0]])
        ]
        #expect(DisclosureAudit(rules: DisclosureRules(groupAttribute: false)).check(F.naive(tables)) == .safe)
        let out = try expectLeakFixed(tables, leak: ["area": "polizei_justiz", "bezirk": "detmold"], in: "nach_lebensbereich_und_bezirk")
        #expect(out[0].cells.first { $0.key == ["area": "polizei_justiz", "bezirk": "detmold"] }?.primary == true)
    }

    @Test func aMarginOfThreeFollowsFromTheGrandTotal() throws {
        // Bildung's margin 3 is hidden like its cells 1 and 2, but 35 − 17 − 15 = 3 again, and
        // then column köln gives the 1 (18 − 9 − 8).
        let tables = [
            try F.twoWay(
                "nach_lebensbereich_und_bezirk", rows: ("area", ["arbeit", "wohnen", "bildung"]),
                columns: ("bezirk", ["koeln", "detmold"]), [[9, 8], [8, 7], [1, 2]])
        ]
        let naive = F.naive(tables)
        let intervals = try #require(DisclosureAudit().feasibleIntervals(naive))
        #expect(
            intervals[CountReference(table: "nach_lebensbereich_und_bezirk", key: ["area": "bildung"], isMargin: true)]
                == FeasibleInterval(lower: 3, upper: 3))
        _ = try expectLeakFixed(
            tables, leak: ["area": "bildung", "bezirk": "koeln"], in: "nach_lebensbereich_und_bezirk",
            interval: FeasibleInterval(lower: 1, upper: 1))
    }

    @Test func aMultiValuedTableStillSumsAlongItsSingleValuedDimension() throws {
        // Grounds are "Nennungen", areas are not: row rassistisch is a sum over areas, so the
        // hidden 2 is 9 − 7 − 0. The area margins (cases per area) only bound the grounds.
        let tables = [
            try F.twoWay(
                "nach_merkmal_und_lebensbereich", rows: ("ground", ["rassistisch", "geschlecht"]),
                columns: ("area", ["arbeit", "wohnen", "bildung"]), [[7, 2, 0], [5, 6, 8]],
                columnTotals: .some([10, 7, 8]), total: .some(25), multiValued: ["ground"])
        ]
        _ = try expectLeakFixed(
            tables, leak: ["ground": "rassistisch", "area": "wohnen"], in: "nach_merkmal_und_lebensbereich",
            interval: FeasibleInterval(lower: 2, upper: 2))
    }

    @Test func nennungenAloneDoNotPinACount() throws {
        // Grounds 12, 3, 9 of 15 cases: the hidden 3 only has to satisfy 3 ≤ 15 and
        // 12 + x + 9 ≥ 15, so it can be anything in 0…15 and nothing else needs hiding.
        let tables = [
            try F.oneWay(
                "nach_merkmal", "ground", [("rassistisch", 12), ("geschlecht", 3), ("alter", 9)],
                total: 15, multiValued: true)
        ]
        let protected = try DisclosureControl.protect(tables)
        #expect(protected.verdict == .safe)
        #expect(protected.summary.primary == 1 && protected.summary.secondary == 0)
        let intervals = try #require(DisclosureAudit().feasibleIntervals(protected.tables))
        #expect(
            intervals[CountReference(table: "nach_merkmal", key: ["ground": "geschlecht"], isMargin: false)]
                == FeasibleInterval(lower: 0, upper: 15))
        #expect(OracleCheck.check(protected.tables, truth: tables).problems.isEmpty)
    }
}
