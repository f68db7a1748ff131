import Casework
import Foundation
import SichtbarCore
import Statistics
import Testing

@Suite("StatisticsPolicy: Policies/statistics.yaml and its refusals")
struct StatisticsPolicyTests {
    @Test func theShippedPolicyLoads() throws {
        let policy = try StatisticsFixtures.policy()
        #expect(policy.mode == .exact && policy.minimumCount == 5 && policy.protectionWidth == 5 && policy.groupAttribute)
        #expect(policy.digest.count == 64)
        let crossed = try #require(policy.table("faelle_nach_merkmal_und_lebensbereich"))
        #expect(crossed.dimensions == [.facet("ground", topLevel: true), .facet("area", topLevel: true)])
        #expect(policy.tables.allSatisfy { $0.dimensions.count <= 2 })
        #expect(!policy.tables(for: "quarterly").isEmpty && policy.tables(for: "annual").count == policy.tables.count)
    }

    @Test func recodingNamesFacetsOfThePolicysTablesAndStaysBelowTheMinimum() throws {
        let vocabulary = try StatisticsFixtures.vocabulary()
        let shipped = try StatisticsFixtures.policy()
        #expect(shipped.recoding.dimensions.contains("ground_top") && shipped.recoding.below == 5)
        #expect(shipped.recoding.keep.isSuperset(of: ["antisemitismus", "lebensalter", "arbeit"]))
        func parse(_ recoding: String) -> String? {
            let text = """
                version: "1"
                mode: exact
                disclosure: {minimum_count: 5, protection_width: 5, group_attribute: true}
                recoding: \(recoding)
                dp: {epsilon_per_release: "1/2", yearly_cap: "2"}
                tables:
                  - {name: t, unit: neue_faelle, dimensions: [ground, kind], labels: {de: "T", en: "T"}, reports: [annual]}
                """
            do {
                let policy = try StatisticsPolicy.parse(text, file: "statistics.yaml", vocabulary: vocabulary)
                return "accepted \(policy.recoding.dimensions.sorted())"
            } catch let error as PolicyError {
                return error.problem
            } catch {
                return "\(error)"
            }
        }
        #expect(parse("{below: 5, dimensions: [ground]}") == "accepted [\"ground\"]")
        #expect(parse("{below: 5, dimensions: [kind]}")?.contains("not a facet") == true)
        #expect(parse("{below: 5, dimensions: [area]}")?.contains("no table of the policy has") == true)
        #expect(parse("{below: 6, dimensions: [ground]}")?.contains("below") == true)
        #expect(parse("{below: 5, dimensions: [ground], keep: [lebensalter]}") == "accepted [\"ground\"]")
        #expect(parse("{below: 5, dimensions: [ground], keep: [wohnen]}")?.contains("no code of the dimensions it recodes") == true)
    }

    @Test func aPolicyThatCannotWorkIsRefusedNamingTheLine() throws {
        let vocabulary = try StatisticsFixtures.vocabulary()
        let head = """
            version: "1"
            mode: exact
            disclosure: {minimum_count: 5, protection_width: 5, group_attribute: true}
            dp: {epsilon_per_release: "1/2", yearly_cap: "2"}
            tables:

            """
        func refusal(_ table: String) -> String? {
            do {
                _ = try StatisticsPolicy.parse(head + table, file: "statistics.yaml", vocabulary: vocabulary)
                return nil
            } catch let error as PolicyError {
                return "\(error.line ?? 0): \(error.problem)"
            } catch {
                return "\(error)"
            }
        }
        let label = "labels: {de: \"T\", en: \"T\"}, reports: [annual]"
        #expect(refusal("  - {name: t, unit: neue_faelle, dimensions: [ground, area, kind], \(label)}")?.contains("at most two") == true)
        #expect(
            refusal("  - {name: t, unit: neue_faelle, dimensions: [hautfarbe], \(label)}")?.contains("unknown dimension 'hautfarbe'")
                == true)
        #expect(refusal("  - {name: t, unit: faelle, dimensions: [], \(label)}")?.contains("unknown unit 'faelle'") == true)
        #expect(refusal("  - {name: t, unit: kurzkontakte, dimensions: [area], \(label)}")?.contains("plain count") == true)
        #expect(refusal("  - {name: t, unit: neue_faelle, dimensions: [area, area], \(label)}")?.contains("twice") == true)
        #expect(
            refusal("  - {name: t, unit: neue_faelle, dimensions: [], \(label)}\n  - {name: t, unit: meldungen, dimensions: [], \(label)}")?
                .contains("listed twice") == true)
        #expect(
            refusal("  - {name: t, unit: neue_faelle, dimensions: [], labels: {de: \"T\", en: \"T\"}, reports: [weekly]}")?
                .contains("annual and/or quarterly") == true)
        #expect(refusal("  - {name: t, unit: neue_faelle, dimensions: [], \(label)}") == nil)
        // A year's ground × area table with grounds (multi-valued) published quarterly needs
        // 832 unknown quarter counts; with areas quarterly (single-valued) only its area lines.
        let both = "labels: {de: \"T\", en: \"T\"}, reports: [annual, quarterly]"
        let byGroundAndArea = "  - {name: g_a, unit: neue_faelle, dimensions: [\"ground:top\", \"area:top\"], \(label)}"
        let overBudget = refusal("  - {name: g, unit: neue_faelle, dimensions: [ground], \(both)}\n" + byGroundAndArea)
        #expect(
            overBudget?.contains("'g_a' and the quarterly tables together need 832 unknown quarter counts") == true,
            "\(overBudget ?? "accepted")")
        #expect(refusal("  - {name: a, unit: neue_faelle, dimensions: [\"area:top\"], \(both)}\n" + byGroundAndArea) == nil)
        #expect(
            refusal("  - {name: g, unit: meldungen, dimensions: [ground], \(both)}\n" + byGroundAndArea) == nil,
            "quarterly tables of another unit add nothing to the year's new cases")
        let line = try #require(refusal("  - {name: t, unit: neue_faelle, dimensions: [x], \(label)}"))
        #expect(line.hasPrefix("6:") || line.hasPrefix("5:"), "the error names the table's line: \(line)")
    }
}
