import Casework
import Foundation
import Hummingbird
import HummingbirdTesting
import Sealing
import Statistics
import Testing
import WebTesting

@testable import Web

@Suite struct StatisticsAPITests {
    @Test func analystsGetThePublishedTablesOfAPeriod() async throws {
        let app = try await StatisticsTestApp()
        try await app.test { client in
            let token = try await client.login(StatisticsTestApp.analyst, StatisticsTestApp.analystPassphrase)
            let response = try await client.json("/api/v1/statistics?period=2026", .get, token: token)
            #expect(response.status == .ok)
            let body = try response.json()
            #expect(body["period"] as? String == "2026")
            #expect(body["releaseCount"] as? Int == 2)
            let tables = try #require(body["tables"] as? [[String: Any]])
            #expect(
                tables.compactMap { $0["name"] as? String } == [
                    "ueberblick", "kurzkontakte", "faelle_nach_lebensbereich",
                    "faelle_nach_merkmal_und_lebensbereich",
                ])
            let areas = try #require(tables.first { $0["name"] as? String == "faelle_nach_lebensbereich" })
            let cells = try #require(areas["cells"] as? [[String: Any]])
            let wohnen = try #require(cells.first { ($0["key"] as? [String: String])?["area_top"] == "wohnen" })
            #expect(wohnen["count"] is NSNull)
            #expect(wohnen["suppressed"] as? Bool == true)
            #expect(wohnen["primary"] as? Bool == true)
            let cross = try #require(tables.first { $0["name"] as? String == "faelle_nach_merkmal_und_lebensbereich" })
            #expect(cross["additive"] as? Bool == false)
        }
    }

    @Test func oneTableByNameAndAnUnknownOneNamed() async throws {
        let app = try await StatisticsTestApp()
        try await app.test { client in
            let token = try await client.login(StatisticsTestApp.analyst, StatisticsTestApp.analystPassphrase)
            let one = try await client.json("/api/v1/statistics?period=2025&table=kurzkontakte", .get, token: token)
            #expect(one.status == .ok)
            let tables = try #require(try one.json()["tables"] as? [[String: Any]])
            #expect(tables.count == 1)
            #expect(tables.first?["name"] as? String == "kurzkontakte")
            let unknown = try await client.json("/api/v1/statistics?period=2025&table=gibt_es_nicht", .get, token: token)
            #expect(unknown.status == .notFound)
            #expect(try unknown.errorField("code") == "not_found")
            #expect(try unknown.errorField("field") == "table")
            #expect(try unknown.errorField("message")?.contains("gibt_es_nicht") == true)
        }
    }

    @Test func aMalformedOrMissingPeriodIsNamedAndAnUnpublishedOneIsNotFound() async throws {
        let app = try await StatisticsTestApp()
        try await app.test { client in
            let token = try await client.login(StatisticsTestApp.analyst, StatisticsTestApp.analystPassphrase)
            for query in ["?period=26", "?period=2026-Q5", "?period=2026-13", ""] {
                let response = try await client.json("/api/v1/statistics\(query)", .get, token: token)
                #expect(response.status == .unprocessableContent, "\(query)")
                #expect(try response.errorField("field") == "period", "\(query)")
            }
            let unpublished = try await client.json("/api/v1/statistics?period=2024", .get, token: token)
            #expect(unpublished.status == .notFound)
            #expect(try unpublished.errorField("code") == "not_found")
        }
    }

    @Test func noOneButAnalystsSeesThem() async throws {
        let app = try await StatisticsTestApp()
        try await app.base.addMember("berater.koeln")
        try await app.test { client in
            let anonymous = try await client.json("/api/v1/statistics?period=2026", .get)
            #expect(anonymous.status == .unauthorized)
            let lead = try await client.login(app.base.leadName, app.base.leadPassphrase)
            let counsellor = try await client.login("berater.koeln", "Kompass-Rhein-Laterne-42")
            for token in [lead, counsellor] {
                let response = try await client.json("/api/v1/statistics?period=2026", .get, token: token)
                #expect(response.status == .notFound)
                #expect(try response.errorField("code") == "not_found")
                #expect(!response.text.contains("ueberblick"))
                // Even a malformed period tells a non-analyst nothing more than 404.
                #expect(try await client.json("/api/v1/statistics?period=x", .get, token: token).status == .notFound)
            }
        }
    }

    @Test func aTamperedOrForeignPublicationIsNotServed() async throws {
        let app = try await StatisticsTestApp()
        // A count changed on disk after signing: same signature, other content.
        let good = try StatisticsTestApp.publication(StatisticsTestApp.file(year: 2026), signer: app.publisher)
        let text = String(decoding: good.file, as: UTF8.self).replacingOccurrences(of: "\"count\":17", with: "\"count\":18")
        #expect(text != String(decoding: good.file, as: UTF8.self))
        await app.published.publish(
            PublishedStatistics(period: "2026", publishedAt: good.publishedAt, releaseCount: 2, file: Array(text.utf8)),
            audit: .member("test", .releaseFrozen, "2026", at: Date()))
        // A file signed with another key than the publisher's.
        let foreign = try StatisticsTestApp.publication(StatisticsTestApp.file(year: 2025), signer: SigningKeyPair())
        await app.published.publish(foreign, audit: .member("test", .releaseFrozen, "2025", at: Date()))
        try await app.test { client in
            let token = try await client.login(StatisticsTestApp.analyst, StatisticsTestApp.analystPassphrase)
            for period in ["2026", "2025"] {
                let response = try await client.json("/api/v1/statistics?period=\(period)", .get, token: token)
                #expect(response.status == .internalServerError, "\(period)")
                #expect(try response.errorField("code") == "internal")
                #expect(!response.text.contains("count"), "no table content in the error")
                #expect(!response.text.contains("signature"), "the message does not say why")
            }
        }
    }
}
