import Statistics
import Testing

/// A year and its quarters published one after the other: protected one period at a time, a
/// reader subtracts the quarters from the year; protected as one system (`published:`), no
/// suppressed count of any of the five publications is narrower than the protection width.
@Suite("Disclosure control: a year and its quarters as one system")
struct DisclosurePeriodTests {
    static let areas = ["arbeit", "wohnen", "bildung"]

    static func range(_ quarter: Int?) throws -> StatPeriod.Range { try #require(StatPeriod(year: 2026, quarter: quarter)).range }

    /// New cases of one period by area, with the total.
    static func byArea(_ quarter: Int?, _ counts: [Int], unit: String = "neue_faelle") throws -> StatTable {
        StatTable(
            name: "nach_lebensbereich", unit: unit, period: try range(quarter), taxonomy: "3", dimensions: ["area"],
            cells: zip(areas, counts).map { StatCell(key: ["area": $0.0], count: $0.1) },
            margins: [StatCell(key: [:], count: counts.reduce(0, +))])
    }

    /// Worked by hand: arbeit, wohnen, bildung per quarter, and the year as their sum.
    static let quarters = [[6, 10, 0], [6, 10, 0], [0, 0, 0], [0, 0, 3]]
    static let year = [12, 20, 3]

    static func reference(_ area: String?, _ period: String) -> CountReference {
        CountReference(table: "nach_lebensbereich", key: area.map { ["area": $0] } ?? [:], isMargin: area == nil, period: period)
    }

    /// Publishes `order` (nil: the year) one after the other, each protected with everything
    /// published before it; returns the published tables, in the order published, and the
    /// periods refused (a publication goes out only on `.safe`).
    static func publishJointly(_ order: [Int?]) throws -> (tables: [StatTable], refused: [Int?]) {
        var published: [StatTable] = []
        var refused: [Int?] = []
        for quarter in order {
            let counts = quarter.map { quarters[$0 - 1] } ?? year
            let protected = try DisclosureControl.protect([byArea(quarter, counts)], published: published)
            if protected.verdict == .safe { published += protected.tables } else { refused.append(quarter) }
        }
        return (published, refused)
    }

    /// Every suppressed count of `tables`, read together, at least `width` wide (module's exact audit).
    static func expectWide(_ tables: [StatTable], width: Int = 5, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let intervals = try #require(DisclosureAudit().feasibleIntervals(tables), sourceLocation: sourceLocation)
        let suppressed = tables.flatMap { $0.cells + $0.margins }.filter(\.suppressed).count
        #expect(intervals.count == suppressed, sourceLocation: sourceLocation)
        for (reference, interval) in intervals {
            #expect(interval.isAtLeast(width), "\(reference) lies in \(interval)", sourceLocation: sourceLocation)
        }
    }

    @Test func protectingEachPeriodAloneLeaksTheYearBySubtraction() throws {
        let quarterTables = try (1...4).map { try DisclosureControl.protect([Self.byArea($0, Self.quarters[$0 - 1])]).tables[0] }
        let yearTable = try DisclosureControl.protect([Self.byArea(nil, Self.year)]).tables[0]
        for table in quarterTables + [yearTable] { #expect(DisclosureAudit().check([table]) == .safe, "each period alone passes") }
        // The year hides bildung (3) and arbeit, and prints wohnen 20 and the total 35. But
        // arbeit is 6 + 6 + 0 + 0 from the quarters, so bildung = 35 − 20 − 12 = 3, and Q4's
        // hidden bildung is 3 − 0 − 0 − 0.
        #expect(DisclosureFixtures.count(yearTable, ["area": "bildung"]) == nil && DisclosureFixtures.count(yearTable, [:]) == 35)
        let all = quarterTables + [yearTable]
        #expect(!DisclosureAudit().check(all).isSafe)
        let intervals = try #require(DisclosureAudit().feasibleIntervals(all))
        #expect(intervals[Self.reference("bildung", "2026")] == FeasibleInterval(lower: 3, upper: 3))
        #expect(intervals[Self.reference("bildung", "2026-Q4")] == FeasibleInterval(lower: 3, upper: 3))
        let truth = try (1...4).map { try Self.byArea($0, Self.quarters[$0 - 1]) } + [try Self.byArea(nil, Self.year)]
        let oracle = OracleCheck.check(all, truth: truth, linkingQuarters: true, cap: 60)
        #expect(
            oracle.problems.contains {
                $0.contains("2026-01-01|2026-12-31|area=bildung") && ($0.contains("[3, 3]") || $0.contains("[3/1, 3/1]"))
            }, "\(oracle.problems)")
    }

    @Test(arguments: [[1, 2, 3, 4, nil], [nil, 1, 2, 3, 4], [2, nil, 4, 1, 3]] as [[Int?]])
    func protectingThemAsOneSystemLeavesEverySuppressedCountWide(order: [Int?]) throws {
        let (all, refused) = try Self.publishJointly(order)
        if order == [1, 2, 3, 4, nil] { #expect(refused.isEmpty, "quarters first, then the year: all five go out") }
        // A refusal is allowed (the earlier publications already fix a count the new one must
        // hide), but what went out must be safe together.
        let order = order.filter { !refused.contains($0) }
        #expect(DisclosureAudit().check(all) == .safe)
        try Self.expectWide(all)
        let truth = try order.map { quarter in try Self.byArea(quarter, quarter.map { Self.quarters[$0 - 1] } ?? Self.year) }
        let oracle = OracleCheck.check(all, truth: truth, linkingQuarters: true, cap: 60)
        #expect(oracle.problems.isEmpty, "\(oracle.problems)")
        // The year's bildung (3) is never printed, and neither is Q4's.
        for table in all where table.cells.contains(where: { $0.key == ["area": "bildung"] && ($0.count ?? 0) == 3 }) {
            Issue.record("a 3 is printed in \(table.period)")
        }
    }

    @Test func aYearWhoseFlowIsNotTheSumOfItsPublishedQuartersIsRefusedNamingThePeriod() throws {
        let (quarters, refused) = try Self.publishJointly([1, 2, 3, 4])
        #expect(refused.isEmpty)
        // One more wohnen case in the year than in the quarters (classified after Q2 was released).
        let error = #expect(throws: DisclosureInputError.self) {
            try DisclosureControl.protect([Self.byArea(nil, [12, 21, 3])], published: quarters)
        }
        #expect(error?.description.contains("2026") == true, "\(String(describing: error))")
    }

    @Test func aStockIsTheFourthQuartersCountAndNotTheSum() throws {
        // Open cases at the end of each quarter: 9, 8, 7, 6; at the end of the year, 6 again.
        let stocks = [[4, 5, 0], [3, 5, 0], [2, 5, 0], [1, 5, 0]]
        var published: [StatTable] = []
        for quarter in 1...4 {
            published += try DisclosureControl.protect(
                [Self.byArea(quarter, stocks[quarter - 1], unit: "offene_faelle")], published: published
            ).tables
        }
        let year = try DisclosureControl.protect([Self.byArea(nil, [1, 5, 0], unit: "offene_faelle")], published: published)
        #expect(year.verdict == .safe)
        // The year's stock is the fourth quarter's: it hides what Q4 hid and prints what Q4 printed.
        let fourth = try #require(published.last)
        for cell in fourth.cells + fourth.margins {
            #expect(DisclosureFixtures.isSuppressed(year.tables[0], cell.key) == cell.suppressed, "\(cell.key)")
        }
        try Self.expectWide(published + year.tables)
        #expect(throws: DisclosureInputError.self) {
            try DisclosureControl.protect([Self.byArea(nil, [1, 6, 0], unit: "offene_faelle")], published: published)
        }
        // Reports not yet classified are a state at computation time: no link, any year count goes.
        var unclassified: [StatTable] = []
        for quarter in 1...4 {
            unclassified += try DisclosureControl.protect(
                [Self.byArea(quarter, [7, 0, 0], unit: "nicht_klassifiziert")],
                published: unclassified
            ).tables
        }
        #expect(
            try DisclosureControl.protect([Self.byArea(nil, [9, 0, 0], unit: "nicht_klassifiziert")], published: unclassified).verdict
                == .safe)
    }

    @Test func aRepublishedPeriodMustAgreeWithWhatWasPrintedAndKeepsWhatWasHidden() throws {
        let first = try DisclosureControl.protect([Self.byArea(4, [9, 10, 3])])
        #expect(first.verdict == .safe)
        var earlier = first.tables[0]
        earlier.name += " (publication 1 of 2026-Q4)"
        let hidden = Self.areas.filter { DisclosureFixtures.isSuppressed(earlier, ["area": $0]) }
        #expect(hidden.contains("bildung") && hidden.count == 2, "bildung and one partner: \(hidden)")
        let partner = try #require(hidden.first { $0 != "bildung" }.flatMap(Self.areas.firstIndex(of:)))
        // A later merge (another office's release, a correction) moves a case between the two
        // hidden cells: nothing printed changes, so it may go out, and what was hidden stays hidden.
        var moved = [9, 10, 3]
        moved[partner] += 1
        moved[2] -= 1
        let again = try DisclosureControl.protect([Self.byArea(4, moved)], published: [earlier])
        #expect(again.verdict == .safe)
        for area in hidden { #expect(DisclosureFixtures.isSuppressed(again.tables[0], ["area": area]), "\(area) was hidden before") }
        try Self.expectWide([earlier] + again.tables)
        // A count the first publication printed changes: readers would subtract; refused, naming the period.
        let printed = try #require(Self.areas.indices.first { !hidden.contains(Self.areas[$0]) })
        var changed = [9, 10, 3]
        changed[printed] += 1
        let error = #expect(throws: DisclosureInputError.self) {
            try DisclosureControl.protect([Self.byArea(4, changed)], published: [earlier])
        }
        #expect(error?.description.contains("2026-Q4") == true, "\(String(describing: error))")
    }

    /// Random small populations: quarters by area and by kind, the year by area, by kind and by
    /// area × kind (which each quarter's unpublished area × kind table links to the quarters'
    /// published margins). Published quarter by quarter and then the year, each against what
    /// came before; then the module's audit and the tests' oracle over all five.
    /// Seeds 133, 172, 224 and 261 are populations whose quarters already show a whole group.
    @Test(arguments: Array(1...60) + [133, 172, 224, 261])
    func randomYearsAndTheirQuartersAreSafeTogether(seed: UInt64) throws {
        _ = try Self.publishRandomYear(seed: seed, recoding: .none)
    }

    /// The same years and quarters with rare areas merged before suppression, each period
    /// recoded on its own (a quarter's rare areas are not the year's): the oracle, which reads a
    /// merged count as the sum of its members and links the year's members to the quarters',
    /// finds nothing new disclosed (issue 15, item 16: "a year published with its quarters").
    @Test func randomYearsAndTheirQuartersAreSafeTogetherWhenRecoded() throws {
        var recoded = 0
        for seed in (1...60) as ClosedRange<UInt64> {
            recoded += try Self.publishRandomYear(seed: seed, recoding: RecodingRules(dimensions: ["area"], below: 5))
        }
        #expect(recoded >= 40, "most of these small periods merge rare areas (\(recoded) publications did)")
    }

    /// Publishes four random quarters and then the year, each against what came before, checks
    /// all five together; returns how many publications were recoded.
    static func publishRandomYear(seed: UInt64, recoding: RecodingRules) throws -> Int {
        var random = SplitMix64(seed: seed)
        let kinds = ["beratungsfall", "meldung"]
        var cells = [[[Int]]](repeating: [[0, 0], [0, 0], [0, 0]], count: 4)
        for quarter in 0..<4 {
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                cells[quarter][Int.random(in: 0..<3, using: &random)][Int.random(in: 0...5, using: &random) < 4 ? 0 : 1] += 1
            }
        }
        func byKind(_ quarter: Int?, _ grid: [[Int]]) throws -> StatTable {
            let counts = kinds.indices.map { kind in grid.reduce(0) { $0 + $1[kind] } }
            return StatTable(
                name: "ueberblick", unit: "neue_faelle", period: try Self.range(quarter), taxonomy: "3", dimensions: ["kind"],
                cells: zip(kinds, counts).map { StatCell(key: ["kind": $0.0], count: $0.1) },
                margins: [StatCell(key: [:], count: counts.reduce(0, +))])
        }
        func tables(_ quarter: Int?) throws -> [StatTable] {
            let grid =
                quarter.map { cells[$0 - 1] } ?? (0..<3).map { area in (0..<2).map { kind in cells.reduce(0) { $0 + $1[area][kind] } } }
            let quarterTables = [try Self.byArea(quarter, grid.map { $0.reduce(0, +) }), try byKind(quarter, grid)]
            guard quarter == nil else { return quarterTables }
            var twoWay = try DisclosureFixtures.twoWay(
                "nach_lebensbereich_und_art", rows: ("area", Self.areas), columns: ("kind", kinds), grid,
                total: .some(nil))
            twoWay.period = try Self.range(nil)
            return quarterTables + [twoWay]
        }
        var published: [StatTable] = []
        var truth: [StatTable] = []
        var recoded = 0
        for quarter in [1, 2, 3, 4, nil] as [Int?] {
            let exact = try tables(quarter)
            let protected = try DisclosureControl.protect(exact, published: published, recoding: recoding)
            #expect(protected.verdict == .safe, "seed \(seed), \(quarter.map { "Q\($0)" } ?? "year"): \(protected.verdict)")
            // Printed counts are the true ones (merged ones the true sums of their members).
            for (output, input) in zip(protected.tables, exact.map(protected.recoding.apply)) {
                for (shown, real) in zip(output.cells + output.margins, input.cells + input.margins) where shown.count != nil {
                    #expect(shown.key == real.key && shown.count == real.count, "printed counts are the true ones")
                }
            }
            if !protected.recoding.isEmpty { recoded += 1 }
            published += protected.tables
            truth += exact + (protected.recoding.isEmpty ? [] : exact.map(protected.recoding.apply))
        }
        try Self.expectNothingNewDisclosed(published, truth: truth, yearTables: 3, seed: seed)
        return recoded
    }

    /// Everything published for the year read together (the module's exact audit and the tests'
    /// oracle, with the quarters' whole grids): every suppressed count at least 5 wide and no
    /// whole group provable, except what the quarters disclosed already, which the same tables
    /// with the year's `yearTables` (the last ones) entirely withheld show just the same.
    static func expectNothingNewDisclosed(
        _ published: [StatTable], truth: [StatTable], yearTables: Int, seed: UInt64,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        var withheld = published
        for index in (published.count - yearTables)..<published.count {
            withheld[index].cells = withheld[index].cells.map { StatCell(key: $0.key, count: nil, suppressed: true, primary: false) }
            withheld[index].margins = withheld[index].margins.map { StatCell(key: $0.key, count: nil, suppressed: true, primary: false) }
        }
        let audit = DisclosureAudit()
        let already = Set(audit.problems(withheld))
        for problem in audit.problems(published) {
            #expect(already.contains(problem), "seed \(seed): \(problem) is new", sourceLocation: sourceLocation)
        }
        let intervals = try #require(audit.feasibleIntervals(published), sourceLocation: sourceLocation)
        let before = try #require(audit.feasibleIntervals(withheld), sourceLocation: sourceLocation)
        #expect(intervals.count == published.flatMap { $0.cells + $0.margins }.filter(\.suppressed).count, sourceLocation: sourceLocation)
        for (reference, interval) in intervals where !interval.isAtLeast(5) {
            #expect(before[reference] == interval, "seed \(seed): \(reference) lies in \(interval)", sourceLocation: sourceLocation)
        }
        let cap = (truth.flatMap(\.margins).compactMap(\.count).max() ?? 0) + 20
        let oracle = OracleCheck.check(published, truth: truth, linkingQuarters: true, cap: cap)
        let oracleBefore = OracleCheck.check(withheld, truth: truth, linkingQuarters: true, cap: cap)
        for problem in oracle.problems {
            #expect(oracleBefore.problems.contains(problem), "seed \(seed) (\(oracle.method)): \(problem)", sourceLocation: sourceLocation)
        }
    }

    /// The year's two-dimensional tables whose other dimension the quarters do not publish: the
    /// module links only their area lines to the quarters (`LinkedRelease.shadowDimensions`),
    /// while the tests' oracle gives every quarter the whole area × region and area × ground
    /// grids. Random small populations, quarters by area, then the year by area, area × region
    /// (single-valued) and area × ground (grounds multi-valued, one or two per case): if the
    /// shortcut dropped anything a reader knows, the oracle would find a count narrower than 5.
    @Test(arguments: 1...60)
    func aDimensionTheQuartersDoNotPublishNeedsNoQuarterGrid(seed: UInt64) throws {
        struct Case {
            var quarter: Int
            var area: Int
            var region: Int
            var grounds: Set<Int>
        }
        var random = SplitMix64(seed: seed &+ 100)
        let regions = ["detmold", "koeln"]
        let grounds = ["lebensalter", "religion", "sprache"]
        var population: [Case] = []
        for quarter in 0..<4 {
            for _ in 0..<Int.random(in: 0...9, using: &random) {
                var chosen: Set<Int> = [Int.random(in: 0..<3, using: &random)]
                if Int.random(in: 0..<3, using: &random) == 0 { chosen.insert(Int.random(in: 0..<3, using: &random)) }
                population.append(
                    Case(
                        quarter: quarter, area: Int.random(in: 0..<3, using: &random) == 0 ? 2 : Int.random(in: 0..<2, using: &random),
                        region: Int.random(in: 0..<2, using: &random), grounds: chosen))
            }
        }
        func tables(_ quarter: Int?) throws -> [StatTable] {
            let inPeriod = quarter.map { q in population.filter { $0.quarter == q - 1 } } ?? population
            let byArea = try Self.byArea(quarter, Self.areas.indices.map { area in inPeriod.filter { $0.area == area }.count })
            guard quarter == nil else { return [byArea] }
            let byRegion = Self.areas.indices.map { area in
                regions.indices.map { region in inPeriod.filter { $0.area == area && $0.region == region }.count }
            }
            var areaRegion = try DisclosureFixtures.twoWay(
                "nach_lebensbereich_und_bezirk", rows: ("area", Self.areas), columns: ("regierungsbezirk", regions),
                byRegion)
            let byGround = Self.areas.indices.map { area in
                grounds.indices.map { ground in inPeriod.filter { $0.area == area && $0.grounds.contains(ground) }.count }
            }
            var areaGround = try DisclosureFixtures.twoWay(
                "nach_lebensbereich_und_merkmal", rows: ("area", Self.areas), columns: ("ground", grounds), byGround,
                rowTotals: .some(Self.areas.indices.map { area in inPeriod.filter { $0.area == area }.count }),
                columnTotals: .some(grounds.indices.map { ground in inPeriod.filter { $0.grounds.contains(ground) }.count }),
                total: .some(inPeriod.count), multiValued: ["ground"])
            areaRegion.period = try Self.range(nil)
            areaGround.period = try Self.range(nil)
            return [byArea, areaRegion, areaGround]
        }
        var published: [StatTable] = []
        var truth: [StatTable] = []
        for quarter in [1, 2, 3, 4, nil] as [Int?] {
            let exact = try tables(quarter)
            let protected = try DisclosureControl.protect(exact, published: published)
            #expect(protected.verdict == .safe, "seed \(seed), \(quarter.map { "Q\($0)" } ?? "year"): \(protected.verdict)")
            published += protected.tables
            truth += exact
        }
        try Self.expectNothingNewDisclosed(published, truth: truth, yearTables: 3, seed: seed)
    }
}
