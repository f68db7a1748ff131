import Casework
import Foundation
import Hummingbird
import HummingbirdTesting
import Sealing
import Statistics
import Testing
import WebTesting

@testable import Web

@Suite struct StatisticsPagesTests {
    @Test func analystsSeeTablesWithSuppressionMarksChartsAndTheTrend() async throws {
        let app = try await StatisticsTestApp()
        try await app.test { client in
            let cookie = try await client.pageSession(StatisticsTestApp.analyst, StatisticsTestApp.analystPassphrase)
            let page = try await client.page("/statistics?lang=de&period=2026", cookie: cookie)
            #expect(page.status == .ok)
            let html = page.text
            #expect(!html.contains("<script"))
            #expect(html.contains("Fälle nach Lebensbereich"), "the policy's German label")
            #expect(html.contains("&lt;5"), "a primary suppression is shown as <5")
            #expect(html.contains("suppressed secondary\">–"), "a secondary suppression is shown as –")
            #expect(html.contains("Nennungen"), "the note on non-additive tables")
            #expect(html.contains("href=\"/statistics?lang=de&amp;period=2025\""), "links to the other periods")
            // Charts: named for screen readers, the suppressed bar hatched and labelled.
            #expect(html.components(separatedBy: "role=\"img\"").count - 1 == 3, "two bar charts and the trend")
            #expect(html.contains("<title id=\"chart-grounds-title\">Fälle nach Diskriminierungsmerkmal, 2026</title>"))
            #expect(html.contains("<desc id=\"chart-areas-desc\">"))
            #expect(html.contains("fill=\"url(#chart-areas-hatch)\""))
            // The trend: 50 % → 62 % and 20 % → 18 %, in German notation.
            #expect(html.contains("62,0 %"))
            #expect(html.contains("+12,0 Pp."))
            #expect(html.contains("−2,0 Pp."))
            #expect(html.contains("Rassistische Zuschreibung"))
            #expect(html.contains("href=\"/report?lang=de&amp;period=2026\""))
            #expect(html.contains("href=\"/statistics?lang=de\""), "the header links the page for analysts")
        }
    }

    @Test func englishPagesUseEnglishNumbers() async throws {
        let app = try await StatisticsTestApp()
        try await app.test { client in
            let cookie = try await client.pageSession(StatisticsTestApp.analyst, StatisticsTestApp.analystPassphrase)
            let html = try await client.page("/statistics?lang=en&period=2026", cookie: cookie).text
            #expect(html.contains("Cases by area of life"))
            #expect(html.contains("+12.0 pp"))
            #expect(html.contains("62.0%"))
        }
    }

    @Test func theNewestPublicationIsShownByDefaultAndNothingPublishedIsSaid() async throws {
        let app = try await StatisticsTestApp()
        try await app.test { client in
            let cookie = try await client.pageSession(StatisticsTestApp.analyst, StatisticsTestApp.analystPassphrase)
            let html = try await client.page("/statistics?lang=en", cookie: cookie).text
            #expect(html.contains("Period 2026"))
        }
        let empty = try await StatisticsTestApp(years: [])
        try await empty.test { client in
            let cookie = try await client.pageSession(StatisticsTestApp.analyst, StatisticsTestApp.analystPassphrase)
            let page = try await client.page("/statistics?lang=en", cookie: cookie)
            #expect(page.status == .ok)
            #expect(page.text.contains("No statistics have been published yet."))
            #expect(try await client.page("/report?lang=en", cookie: cookie).status == .notFound)
        }
    }

    @Test func otherRolesAndBadPeriodsGetPagesNotStatistics() async throws {
        let app = try await StatisticsTestApp()
        try await app.test { client in
            let anonymous = try await client.page("/statistics?lang=en", cookie: nil)
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers[.location]?.hasPrefix("/login") == true)
            let lead = try await client.pageSession(app.base.leadName, app.base.leadPassphrase)
            for path in ["/statistics?lang=en", "/report?lang=en&period=2026"] {
                let page = try await client.page(path, cookie: lead)
                #expect(page.status == .notFound, "\(path)")
                #expect(!page.text.contains("Racist attribution"))
            }
            #expect(!(try await client.page("/account?lang=en", cookie: lead).text.contains("href=\"/statistics")), "no link for leads")
            let analyst = try await client.pageSession(StatisticsTestApp.analyst, StatisticsTestApp.analystPassphrase)
            #expect(try await client.page("/statistics?lang=en&period=2026-Q9", cookie: analyst).status == .unprocessableContent)
            #expect(try await client.page("/statistics?lang=en&period=2019", cookie: analyst).status == .notFound)
            #expect(try await client.page("/report?lang=en&period=2026-Q1", cookie: analyst).status == .unprocessableContent)
        }
    }

    @Test func aTamperedPublicationIsNotShown() async throws {
        let app = try await StatisticsTestApp()
        let foreign = try StatisticsTestApp.publication(StatisticsTestApp.file(year: 2026), signer: SigningKeyPair())
        await app.published.publish(foreign, audit: .member("test", .releaseFrozen, "2026", at: Date()))
        try await app.test { client in
            let cookie = try await client.pageSession(StatisticsTestApp.analyst, StatisticsTestApp.analystPassphrase)
            let page = try await client.page("/statistics?lang=en&period=2026", cookie: cookie)
            #expect(page.status == .internalServerError)
            #expect(page.text.contains("cannot be verified"))
            #expect(!page.text.contains("Racist attribution"))
            #expect(try await client.page("/report?lang=en&period=2026", cookie: cookie).status == .internalServerError)
            // The trend of 2025's page still works: only verified years count.
            #expect(try await client.page("/statistics?lang=en&period=2025", cookie: cookie).status == .ok)
        }
    }

    @Test func theReportIsAStandalonePrintablePage() async throws {
        let app = try await StatisticsTestApp()
        try await app.test { client in
            let cookie = try await client.pageSession(StatisticsTestApp.analyst, StatisticsTestApp.analystPassphrase)
            let page = try await client.page("/report?lang=de&period=2026", cookie: cookie)
            #expect(page.status == .ok)
            let policy = try #require(page.headers[.contentSecurityPolicy])
            #expect(policy.contains("style-src 'sha256-"))
            #expect(!policy.contains("script"))
            let html = page.text
            // The one inline stylesheet is exactly what the policy's hash allows.
            let style = try #require(
                html.range(of: "<style>").flatMap { start in
                    html.range(of: "</style>", range: start.upperBound..<html.endIndex).map {
                        String(html[start.upperBound..<$0.lowerBound])
                    }
                })
            #expect(policy.contains("'sha256-\(Data(FileDigest.sha256(Array(style.utf8))).base64EncodedString())'"))
            #expect(html.contains("<h1>Jahresbericht 2026</h1>"))
            #expect(html.contains("Zeitraum 1. Januar 2026 bis 31. Dezember 2026"))
            #expect(html.contains("@media print"))
            #expect(html.contains("+12,0 Pp."), "the trend from the earlier year")
            #expect(html.contains("href=\"/statistics?lang=de&amp;period=2026\""), "back to the statistics, on screen only")
            #expect(!html.contains("<script"))
        }
    }
}
