import Casework
import Foundation
import Statistics
import Testing

@testable import Web

/// A Regierungsbezirk no member office serves reads "keine Beratungsstelle", not 0.
@Suite struct UnservedRegionTests {
    @Test func anUnservedDistrictSaysSoInsteadOfZero() throws {
        var view = try StatisticsPresentation.germanOverShippedPolicies()
        view.unserved = ["arnsberg"]
        let period = try #require(StatPeriod(year: 2025, quarter: nil))
        let table = StatTable(
            name: "t", unit: "neue_faelle", period: period.range, taxonomy: "1", dimensions: ["area_top", "regierungsbezirk"],
            multiValued: [],
            cells: [
                StatCell(key: ["area_top": "arbeit", "regierungsbezirk": "arnsberg"], count: 0),
                StatCell(key: ["area_top": "arbeit", "regierungsbezirk": "koeln"], count: 0),
            ],
            margins: [])
        let rows = view.table(table, period: "2025").rows
        let texts = (rows.first?.cells ?? []).map(\.text)
        #expect(texts.prefix(2) == ["keine Beratungsstelle", "0"], "\(texts)")
    }
}
