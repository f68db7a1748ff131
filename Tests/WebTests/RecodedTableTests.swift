import Casework
import Foundation
import SichtbarCore
import Statistics
import Testing

@testable import Web

/// A merged row reads as what it is: "Sonstige (zusammengefasst)" or "… mit Untertypen", with a
/// note naming the codes it holds, never as a category of the taxonomy.
@Suite struct RecodedTableTests {
    @Test func mergedCodesAreLabelledAndTheirMembersNamed() throws {
        let view = try StatisticsPresentation.germanOverShippedPolicies()
        let period = try #require(StatPeriod(year: 2025, quarter: nil))
        var table = StatTable(
            name: "faelle_nach_merkmal", unit: "neue_faelle", period: period.range, taxonomy: "1", dimensions: ["ground"],
            multiValued: ["ground"],
            cells: [
                StatCell(key: ["ground": "rassistische_zuschreibung_mit_untertypen"], count: 30),
                StatCell(key: ["ground": "sonstige_zusammengefasst"], count: 9),
                StatCell(key: ["ground": "keine_angabe"], count: 0),
            ],
            margins: [StatCell(key: [:], count: 39)])
        table.recoded = [
            "ground": [
                "rassistische_zuschreibung_mit_untertypen": ["rassistische_zuschreibung", "anti_schwarz"],
                "sonstige_zusammengefasst": ["sprache", "sonstiges_merkmal"],
            ]
        ]
        let values = view.table(table, period: "2025")
        let labels = values.rows.map(\.label)
        #expect(
            labels == ["Rassistische Zuschreibung mit Untertypen (zusammengefasst)", "Sonstige (zusammengefasst)", "keine Angabe"],
            "\(labels)")
        let note = try #require(values.recoded)
        #expect(note.hasPrefix("Wegen kleiner Zahlen zusammengefasst:"))
        #expect(note.contains("Sonstige (zusammengefasst) = Sprache, Sonstiges Merkmal"), "\(note)")
        #expect(note.contains("= Rassistische Zuschreibung, Anti-Schwarzer Rassismus"), "\(note)")
        table.recoded = [:]
        #expect(view.table(table, period: "2025").recoded == nil, "no note on a table nothing was merged in")
    }

    /// The chart's text alternative names the three largest values as the table labels them:
    /// a parent counted with its subtypes says so, ties keep the chart's order, "<5" is no value.
    @Test func theChartsTextAlternativeNamesTheLargestValuesAsTheTableDoes() throws {
        let view = try StatisticsPresentation.germanOverShippedPolicies()
        let policy = view.policy
        let period = try #require(StatPeriod(year: 2025, quarter: nil))
        let counts: [(String, Int?)] = [
            ("rassistische_zuschreibung", 44), ("antisemitismus", 9), ("lebensalter", nil), ("sprache", 12), ("sozialer_status", 12),
        ]
        let table = StatTable(
            name: "faelle_nach_merkmal_top", unit: "neue_faelle", period: period.range, taxonomy: "1", dimensions: ["ground_top"],
            multiValued: ["ground_top"],
            cells: counts.map { StatCell(key: ["ground_top": $0.0], count: $0.1, suppressed: $0.1 == nil, primary: $0.1 == nil) },
            margins: [StatCell(key: [:], count: 80)])
        let file = StatFile(
            scope: .verband, period: period, policy: policy.digest, taxonomy: "1",
            generatedOn: Day(year: 2026, month: 1, day: 10) ?? Day(Date()),
            tables: [table])
        let chart = try #require(view.barChart(file, along: "ground_top", id: "c", titleKey: "statistics_chart_grounds"))
        let description = chart.description
        #expect(
            description.contains("Die größten Werte: Rassistische Zuschreibung (mit Untergruppen): 44; Sprache: 12; Sozialer Status: 12."),
            "\(description)")
        #expect(description.contains("1 Werte sind geschützt") || description.contains("1 Wert"), "\(description)")
    }
}
