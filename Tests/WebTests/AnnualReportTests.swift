import Casework
import Foundation
import Sealing
import Statistics
import Testing

@testable import Web

@Suite struct AnnualReportTests {
    func report(_ files: [StatFile], language: String = "de") async throws -> String {
        let app = try await StatisticsTestApp(years: [])
        return try AnnualReport(
            publications: files, policy: app.policy, taxonomy: app.base.services.taxonomy,
            workflow: app.base.casework.policy, language: language
        )
        .html(templates: TestApp.root.appendingPathComponent("Templates"))
    }

    @Test func theMethodNoteNamesTheRulesInForce() async throws {
        let html = try await report([StatisticsTestApp.file(year: 2026)])
        #expect(html.contains("Hinweise zur Methode"))
        #expect(html.contains("Werte von 1 bis 4 werden nicht veröffentlicht und als „&lt;5“ gezeigt"), "minimum count")
        #expect(html.contains("mindestens 5 möglichen Werten"), "protection width")
        #expect(html.contains("Gruppenmerkmal: Eine Zeile oder Spalte"), "group attribute")
        #expect(html.contains("Nennungen"))
        #expect(html.contains("„&lt;5“: ein Wert zwischen 1 und 4."), "the marks, from the policy")
        #expect(html.contains("Regierungsbezirke"))
        #expect(html.contains("abgeschlossene Fälle"))
        #expect(!html.contains("Entwicklung der Merkmale"), "one year has no trend")
        #expect(!html.contains("Zurück zur Statistik"), "a saved file links nowhere")
    }

    @Test func keyNumbersChartsTablesAndTrend() async throws {
        let html = try await report([StatisticsTestApp.file(year: 2025), StatisticsTestApp.file(year: 2026)], language: "en")
        #expect(html.contains("<h1>Annual report 2026</h1>"))
        #expect(html.contains("<html lang=\"en\""))
        #expect(html.contains("<dt>new cases</dt><dd>200</dd>"))
        #expect(html.contains("role=\"img\""))
        #expect(html.contains("<title id=\"report-chart-areas-title\">Cases by area of life, 2026</title>"))
        #expect(html.contains("Grounds 2025–2026"))
        #expect(html.contains("+12.0 pp"))
        #expect(html.contains("Cases by ground and area of life"))
    }

    @Test func aReportNeedsAWholeYear() async throws {
        var quarter = StatisticsTestApp.file(year: 2026)
        quarter.period = try #require(StatPeriod("2026-Q1"))
        await #expect(throws: AnnualReportError.noYear) { try await report([quarter]) }
    }
}
