import Casework
import Foundation
import Statistics
import Testing
@testable import Web

/// A merged row reads as what it is: "Sonstige (zusammengefasst)" or "… mit Untertypen", with a
/// note naming the codes it holds, never as a category of the taxonomy.
@Suite struct RecodedTableTests {
    @Test func mergedCodesAreLabelledAndTheirMembersNamed() throws {
        let taxonomy = try Taxonomy.load(from: TestApp.root.appendingPathComponent("Policies/taxonomy.yaml"))
        let workflow = try WorkflowPolicy.load(from: TestApp.root.appendingPathComponent("Policies/workflow.yaml"))
        let policy = try StatisticsPolicy.load(from: TestApp.root.appendingPathComponent("Policies/statistics.yaml"),
                                               vocabulary: StatVocabulary(taxonomy: taxonomy, workflow: workflow))
        let strings = try Catalogue.loadAll(from: TestApp.root.appendingPathComponent("Templates/i18n"))["de"]?.strings ?? [:]
        let view = StatisticsPresentation(policy: policy, taxonomy: taxonomy, workflow: workflow, strings: strings, language: "de")
        let period = try #require(StatPeriod(year: 2025, quarter: nil))
        var table = StatTable(name: "faelle_nach_merkmal", unit: "neue_faelle", period: period.range, taxonomy: "1", dimensions: ["ground"],
                              multiValued: ["ground"],
                              cells: [StatCell(key: ["ground": "rassistische_zuschreibung_mit_untertypen"], count: 30),
                                      StatCell(key: ["ground": "sonstige_zusammengefasst"], count: 9),
                                      StatCell(key: ["ground": "keine_angabe"], count: 0)],
                              margins: [StatCell(key: [:], count: 39)])
        table.recoded = ["ground": ["rassistische_zuschreibung_mit_untertypen": ["rassistische_zuschreibung", "anti_schwarz"],
                                    "sonstige_zusammengefasst": ["sprache", "sonstiges_merkmal"]]]
        let values = view.table(table, period: "2025")
        let labels = (values["rows"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
        #expect(labels == ["Rassistische Zuschreibung mit Untertypen (zusammengefasst)", "Sonstige (zusammengefasst)", "keine Angabe"], "\(labels)")
        let note = try #require(values["recoded"] as? String)
        #expect(note.hasPrefix("Wegen kleiner Zahlen zusammengefasst:"))
        #expect(note.contains("Sonstige (zusammengefasst) = Sprache, Sonstiges Merkmal"), "\(note)")
        #expect(note.contains("= Rassistische Zuschreibung, Anti-Schwarzer Rassismus"), "\(note)")
        table.recoded = [:]
        #expect(view.table(table, period: "2025")["recoded"] == nil, "no note on a table nothing was merged in")
    }
}
