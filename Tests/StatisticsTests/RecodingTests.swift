import Casework
import Statistics
import Testing

/// Global recoding on the shipped taxonomy: what is merged, how merged tables read, and that
/// the recoded publication is kept only when it hides less.
@Suite("Recoding before suppression")
struct RecodingTests {
    let vocabulary: StatVocabulary
    let policy: StatisticsPolicy
    let period: StatPeriod

    init() throws {
        vocabulary = try StatisticsFixtures.vocabulary()
        policy = try StatisticsFixtures.policy()
        period = try #require(StatPeriod("2026"))
    }

    /// 30 racist attributions (2 of them anti-Black), 10 antisemitic, 2 language, 1 appearance,
    /// 6 other grounds and 2 of age, all at work or in housing.
    func tables() -> [StatTable] {
        var facts: [CaseFacts] = []
        func add(_ count: Int, _ ground: String, _ area: String) {
            facts += (0..<count).map { _ in StatisticsFixtures.facts("2026-03", ground: [ground], area: area) }
        }
        add(20, "rassistische_zuschreibung", "arbeit")
        add(8, "rassistische_zuschreibung", "wohnen")
        add(2, "anti_schwarz", "arbeit")
        add(10, "antisemitismus", "wohnen")
        add(2, "sprache", "arbeit")
        add(1, "aussehen_gewicht", "wohnen")
        add(6, "sonstiges_merkmal", "arbeit")
        add(2, "lebensalter", "wohnen")
        let specs = policy.tables.filter { ["faelle_nach_merkmal", "faelle_nach_merkmal_und_lebensbereich"].contains($0.name) }
        return TableCounter(vocabulary: vocabulary).count(
            specs, facts: facts, plain: .init(kurzkontakte: 0, nichtKlassifiziert: 0), period: period)
    }

    @Test func rareSubtypesJoinTheirParentAndRareGroundsJoinSonstige() {
        let map = RecodingMap.choose(for: tables(), rules: policy.recoding, hierarchies: policy.codeHierarchies)
        #expect(map.groups["ground"]?["rassistische_zuschreibung_mit_untertypen"] == ["rassistische_zuschreibung", "anti_schwarz"])
        #expect(map.groups["ground"]?["sonstige_zusammengefasst"] == ["sprache", "aussehen_gewicht", "sonstiges_merkmal"])
        #expect(map.groups["ground_top"]?["sonstige_zusammengefasst"] == ["sprache", "aussehen_gewicht", "sonstiges_merkmal"])
        // Age is rare too, but a ground of § 1 AGG the policy keeps: it stays itself ("<5").
        #expect(!(map.groups["ground"]?.values.contains { $0.contains("lebensalter") } ?? true))
        #expect(!(map.groups["ground_top"]?.values.contains { $0.contains("lebensalter") } ?? true))
        // Thirty cases are not rare; the areas have no rare code here (zeros are never merged).
        #expect(map.groups["ground_top"]?.keys.contains("rassistische_zuschreibung_mit_untertypen") != true)
        #expect(map.groups["area_top"] == nil)
        #expect(RecodingMap.choose(for: tables(), rules: .none, hierarchies: policy.codeHierarchies).isEmpty)
    }

    @Test func aMergedCountIsTheSumOfItsMembersAndSonstigeStandsBeforeKeineAngabe() throws {
        let map = RecodingMap.choose(for: tables(), rules: policy.recoding, hierarchies: policy.codeHierarchies)
        let grounds = try #require(tables().first { $0.name == "faelle_nach_merkmal" })
        let recoded = map.apply(to: grounds)
        let codes = recoded.cells.compactMap { $0.key["ground"] }
        #expect(codes.suffix(2) == ["sonstige_zusammengefasst", "keine_angabe"])
        #expect(!codes.contains("sprache") && !codes.contains("anti_schwarz"))
        #expect(recoded.cells.first { $0.key["ground"] == "sonstige_zusammengefasst" }?.count == 9)
        #expect(recoded.cells.first { $0.key["ground"] == "rassistische_zuschreibung_mit_untertypen" }?.count == 30)
        #expect(recoded.margins == grounds.margins, "the total does not change")
        #expect(recoded.recoded == ["ground": map.groups["ground"] ?? [:]])
        let grid = try #require(tables().first { $0.name == "faelle_nach_merkmal_und_lebensbereich" })
        let merged = map.apply(to: grid)
        let columns = Set(grid.cells.compactMap { $0.key["area_top"] }).count
        #expect(merged.cells.count == grid.cells.count - 2 * columns, "three rows became one")
        #expect(merged.margins.first { $0.key == ["ground_top": "sonstige_zusammengefasst"] }?.count == 9)
    }

    @Test func protectionKeepsRecodingOnlyWhereItHidesLessAndTheAuditPassesIt() throws {
        let input = tables()
        let protected = try DisclosureControl.protect(
            input, rules: policy.disclosureRules, hierarchies: policy.codeHierarchies,
            recoding: policy.recoding)
        #expect(protected.verdict == .safe)
        #expect(!protected.recoding.isEmpty, "recoding hides less here, so it is kept")
        let without = try #require(protected.comparedLoss)
        #expect(protected.loss.isLower(than: without), "\(protected.loss) against \(without)")
        // Five grounds in the detailed table, three in the top-level one.
        #expect(protected.loss.mergedCodes == 8 && without.mergedCodes == 0)
        let audit = DisclosureAudit(rules: policy.disclosureRules, hierarchies: policy.codeHierarchies)
        #expect(audit.check(protected.tables) == .safe)
        // Suppression alone, asked for directly, is what was compared.
        let plain = try DisclosureControl.protect(input, rules: policy.disclosureRules, hierarchies: policy.codeHierarchies)
        #expect(plain.recoding.isEmpty && plain.comparedLoss == nil && plain.loss == without)
    }
}
