import Statistics
import Testing

private typealias F = DisclosureFixtures

@Suite("Disclosure control: top-level and detailed codes read together")
struct DisclosureHierarchyTests {
    let hierarchy = CodeHierarchy(
        detailed: "ground", topLevel: "ground_top",
        covers: ["rassistisch": ["rassistisch", "anti_schwarz"], "lebensalter": ["lebensalter"]])

    /// 5 cases name anti_schwarz (3 at work, 2 in housing), none the parent code itself, 10 name
    /// age (5 and 5). The detailed table prints everything; the top-level table withholds the
    /// racism row and, to protect it, the age cells and the racism total.
    func tables() throws -> (byGround: StatTable, exact: StatTable, published: StatTable) {
        let byGround = try F.oneWay(
            "nach_merkmal", "ground", [("rassistisch", 0), ("anti_schwarz", 5), ("lebensalter", 10)], total: 15,
            multiValued: true)
        let exact = try F.twoWay(
            "nach_merkmal_top_und_bereich", rows: ("ground_top", ["rassistisch", "lebensalter"]),
            columns: ("area", ["arbeit", "wohnen"]), [[3, 2], [5, 5]], columnTotals: .some([8, 7]), total: .some(15),
            multiValued: ["ground_top"])
        var published = exact
        published.cells = exact.cells.map {
            StatCell(key: $0.key, count: nil, suppressed: true, primary: $0.key["ground_top"] == "rassistisch")
        }
        published.margins = exact.margins.map {
            $0.key == ["ground_top": "rassistisch"] ? StatCell(key: $0.key, count: nil, suppressed: true) : $0
        }
        return (byGround, exact, published)
    }

    @Test func ignoringTheHierarchyLeaksTheTopLevelTotal() throws {
        let (byGround, _, published) = try tables()
        #expect(DisclosureAudit().check([byGround, published]) == .safe, "without the taxonomy every interval is 5 or wider")
        // With it: anti_schwarz (5) ≤ racism ≤ rassistisch (0) + anti_schwarz (5), so the withheld total is exactly 5.
        guard case .unsafe(let cell, let interval, _) = DisclosureAudit(hierarchies: [hierarchy]).check([byGround, published]) else {
            Issue.record("the hierarchy did not narrow the racism total")
            return
        }
        #expect(cell.key == ["ground_top": "rassistisch"])
        #expect((interval?.width ?? 99) < 5)
    }

    @Test func protectingWithTheHierarchyIsSafeUnderIt() throws {
        let (byGround, exact, _) = try tables()
        let protected = try DisclosureControl.protect([byGround, exact], hierarchies: [hierarchy])
        #expect(protected.verdict == .safe)
        #expect(DisclosureAudit(hierarchies: [hierarchy]).check(protected.tables) == .safe)
        for table in protected.tables {
            for cell in table.cells + table.margins { #expect(!(1...4).contains(cell.count ?? 0)) }
        }
    }

    @Test func aTopLevelCodeWithoutSubtypesIsOneCountWithItsDetailedCode() throws {
        // Age printed as 3 in the detailed table is the same count as the age row of the top-level table.
        let byGround = try F.oneWay(
            "nach_merkmal", "ground", [("rassistisch", 0), ("anti_schwarz", 9), ("lebensalter", 3)], total: 12,
            multiValued: true)
        let byTop = try F.oneWay("nach_merkmal_top", "ground_top", [("rassistisch", 9), ("lebensalter", 3)], total: 12, multiValued: true)
        let protected = try DisclosureControl.protect([byGround, byTop], hierarchies: [hierarchy])
        #expect(
            F.isSuppressed(protected.tables[0], ["ground": "lebensalter"])
                && F.isSuppressed(protected.tables[1], ["ground_top": "lebensalter"]))
        #expect(protected.verdict == .safe)
    }

    @Test func theVocabularyKnowsWhichCodesAreSubtypes() throws {
        let hierarchies = try StatisticsFixtures.vocabulary().codeHierarchies
        let ground = try #require(hierarchies.first { $0.detailed == "ground" })
        #expect(ground.topLevel == "ground_top")
        #expect(ground.covers["rassistische_zuschreibung"]?.contains("anti_schwarz") == true)
        #expect(ground.covers["antisemitismus"] == ["antisemitismus"] && ground.covers["keine_angabe"] == ["keine_angabe"])
        #expect(try StatisticsFixtures.policy().codeHierarchies == hierarchies)
    }

    @Test func thePolicyGivesTheDisclosureRules() throws {
        let rules = try StatisticsFixtures.policy().disclosureRules
        #expect(rules == DisclosureRules(minimumCount: 5, protectionWidth: 5, groupAttribute: true))
        let strict = try StatisticsPolicy.parse(
            """
            version: "1"
            mode: exact
            disclosure: {minimum_count: 10, protection_width: 3, group_attribute: false}
            dp: {epsilon_per_release: "1/2", yearly_cap: "2"}
            tables:
              - {name: t, unit: neue_faelle, dimensions: [kind], labels: {de: "T", en: "T"}, reports: [annual]}
            """, file: "statistics.yaml", vocabulary: try StatisticsFixtures.vocabulary())
        #expect(strict.disclosureRules == DisclosureRules(minimumCount: 10, protectionWidth: 3, groupAttribute: false))
    }
}
