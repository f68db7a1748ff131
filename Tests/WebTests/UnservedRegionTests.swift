import Casework
import Foundation
import Statistics
import Testing
@testable import Web

/// A Regierungsbezirk no member office serves reads "keine Beratungsstelle", not 0.
@Suite struct UnservedRegionTests {
    @Test func anUnservedDistrictSaysSoInsteadOfZero() throws {
        let taxonomy = try Taxonomy.load(from: TestApp.root.appendingPathComponent("Policies/taxonomy.yaml"))
        let workflow = try WorkflowPolicy.load(from: TestApp.root.appendingPathComponent("Policies/workflow.yaml"))
        let policy = try StatisticsPolicy.load(from: TestApp.root.appendingPathComponent("Policies/statistics.yaml"),
                                               vocabulary: StatVocabulary(taxonomy: taxonomy, workflow: workflow))
        let strings = try Catalogue.loadAll(from: TestApp.root.appendingPathComponent("Templates/i18n"))["de"]?.strings ?? [:]
        var view = StatisticsPresentation(policy: policy, taxonomy: taxonomy, workflow: workflow, strings: strings, language: "de")
        view.unserved = ["arnsberg"]
        let period = try #require(StatPeriod(year: 2025, quarter: nil))
        let table = StatTable(name: "t", unit: "neue_faelle", period: period.range, taxonomy: "1", dimensions: ["area_top", "regierungsbezirk"],
                              multiValued: [], cells: [StatCell(key: ["area_top": "arbeit", "regierungsbezirk": "arnsberg"], count: 0),
                                                       StatCell(key: ["area_top": "arbeit", "regierungsbezirk": "koeln"], count: 0)],
                              margins: [])
        let rows = try #require(view.table(table, period: "2025")["rows"] as? [[String: Any]])
        let texts = (rows.first?["cells"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        #expect(texts.prefix(2) == ["keine Beratungsstelle", "0"], "\(texts)")
    }
}
