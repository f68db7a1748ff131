import Casework
import SichtbarCore
import Testing

@testable import Web

@Suite struct ChartTests {
    let bars = BarChart(
        id: "c", title: "Fälle <nach> Merkmal", description: "Drei Balken.",
        bars: [
            .init(label: "Arbeit", value: 120, valueText: "120"),
            .init(label: "Wohnen", value: nil, valueText: "<5"),
            .init(label: "Bildung & Schule", value: 0, valueText: "0"),
        ])

    @Test func barChartsAreNamedAndEscaped() {
        let svg = bars.svg()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("aria-labelledby=\"c-title c-desc\""))
        #expect(svg.contains("<title id=\"c-title\">Fälle &lt;nach&gt; Merkmal</title>"))
        #expect(svg.contains("<desc id=\"c-desc\">Drei Balken.</desc>"))
        #expect(svg.contains(">Bildung &amp; Schule</text>"))
        #expect(!svg.contains("<nach>"))
    }

    @Test func everyBarCarriesItsValueAndSuppressedOnesAreHatchedPlaceholders() {
        let svg = bars.svg()
        #expect(svg.contains(">120</text>"))
        #expect(svg.contains(">&lt;5</text>"))
        #expect(svg.contains(">0</text>"))
        #expect(svg.components(separatedBy: "class=\"bar suppressed\"").count == 2)
        #expect(svg.contains("fill=\"url(#c-hatch)\""))
        #expect(svg.contains("stroke-dasharray"))
        // The largest bar fills the plot; a zero draws no bar at all.
        #expect(svg.components(separatedBy: "<rect class=\"bar\"").count == 2)
        #expect(svg.contains("width=\"310\""), "680 wide, less 300 for the labels and 70 for the values")
    }

    @Test func trendChartsMarkEachLineWithoutColour() {
        let chart = TrendChart(
            id: "t", title: "Trend", description: "Zwei Linien.", years: ["2024", "2025", "2026"],
            series: [
                .init(label: "A", shares: [50, 55, 62], endText: "62,0 %"),
                .init(label: "B", shares: [20, nil, 18], endText: "18,0 %"),
            ])
        let svg = chart.svg()
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("<title id=\"t-title\">Trend</title>"))
        #expect(svg.contains(">A 62,0 %</text>"))
        #expect(svg.contains(">B 18,0 %</text>"))
        #expect(svg.contains("<circle"), "the first line's marker")
        #expect(svg.contains("<rect x="), "the second line's marker is a square")
        // A's line is whole; B's is broken by its missing year, so only one polyline is drawn.
        #expect(svg.components(separatedBy: "<polyline").count == 2)
        #expect(svg.contains(">2025</text>"))
        #expect(chart.ceiling == 70)
    }

    /// As many lines as the statistics page draws, each with its own marker and dash pattern:
    /// told apart in black and white and by people who do not see colour.
    @Test func everyTrendLineTheStatisticsPageDrawsHasItsOwnMarkerAndDash() {
        let count = StatisticsPresentation.trendLines
        #expect(Set(TrendChart.shapes.prefix(count)).count == count && TrendChart.shapes.count >= count)
        #expect(Set(TrendChart.dashes.prefix(count)).count == count && TrendChart.dashes.count >= count)
        let markers = (0..<count).map { TrendChart.marker($0, at: 10, 10) }
        #expect(Set(markers).count == count, "no two lines share a marker")
        let chart = TrendChart(
            id: "t", title: "Trend", description: "Linien.", years: ["2025", "2026"],
            series: (0..<count).map { .init(label: "S\($0)", shares: [Double(10 * $0), Double(10 * $0 + 5)], endText: "") })
        let dashes = chart.svg().components(separatedBy: "<polyline").dropFirst().map { line in
            line.range(of: "stroke-dasharray=\"").map { String(line[$0.upperBound...].prefix { $0 != "\"" }) } ?? ""
        }
        #expect(dashes.count == count && Set(dashes).count == count, "\(dashes)")
    }

    @Test func germanAndEnglishNumbers() {
        let german = StatisticsNumbers(language: "de")
        let english = StatisticsNumbers(language: "en")
        #expect(german.count(1_234_567) == "1.234.567")
        #expect(english.count(1234) == "1,234")
        #expect(german.count(999) == "999")
        #expect(german.percent(12.345) == "12,3 %")
        #expect(english.percent(62) == "62.0%")
        #expect(german.points(2.44) == "+2,4 Pp.")
        #expect(german.points(-0.75) == "−0,8 Pp.")
        #expect(german.points(0.01) == "±0,0 Pp.")
        #expect(english.points(-2) == "−2.0 pp")
        #expect(german.percent(1234.5) == "1.234,5 %")
    }
}

extension ChartTests {
    @Test func daysAreWrittenOutOnGermanPages() throws {
        let day = try #require(Day(year: 2026, month: 12, day: 31))
        #expect(StatisticsNumbers(language: "de").day(day) == "31. Dezember 2026")
        #expect(StatisticsNumbers(language: "en").day(day) == "2026-12-31")
    }
}

/// No label of the taxonomy is cut off: the longest fits the label column whole.
@Suite struct ChartLabelTests {
    @Test func theLongestLabelFitsWhole() {
        let label = "Behinderung und chronische Krankheit"
        let chart = BarChart(id: "l", title: "T", description: "D", bars: [.init(label: label, value: 3, valueText: "3")])
        #expect(chart.svg().contains(">\(label)</text>"))
        #expect(Double(label.count) * 7.5 < BarChart.labelWidth - 8, "about 7.5 px a character at 13 px")
    }
}
