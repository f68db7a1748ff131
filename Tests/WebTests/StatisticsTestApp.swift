import Casework
import Foundation
import Hummingbird
import HummingbirdTesting
import Sealing
import SichtbarCore
import Statistics
import WebTesting

@testable import Web

/// The member application of `MemberTestApp` with the Verband's side switched on: an analyst,
/// the statistics policy, and publications in memory signed with a publisher key of the test.
struct StatisticsTestApp {
    static let analyst = "analyse.nrw"
    static let analystPassphrase = "Wupper-Brücke-Lampion-77"

    let base: MemberTestApp
    let publisher = SigningKeyPair()
    let published: InMemoryPublishedStatisticsStore
    let policy: StatisticsPolicy
    let services: WebServices

    init(years: [Int] = [2025, 2026]) async throws {
        base = try await MemberTestApp()
        try await base.createVerband(analyst: Self.analyst, passphrase: Self.analystPassphrase)
        let vocabulary = StatVocabulary(taxonomy: base.services.taxonomy, workflow: base.casework.policy)
        policy = try StatisticsPolicy.load(from: TestApp.root.appendingPathComponent("Policies/statistics.yaml"), vocabulary: vocabulary)
        let office = OfficeStatistics(store: base.stores.statistics, members: base.store, policy: policy, vocabulary: vocabulary)
        let releases = ReleaseService(statistics: office, releases: base.stores.releases, signer: base.signer)
        var publications: [PublishedStatistics] = []
        for year in years {
            publications.append(try Self.publication(Self.file(year: year), signer: publisher))
        }
        published = InMemoryPublishedStatisticsStore(publications)
        services = base.services.replacing(
            statistics: StatisticsServices(releases: releases, published: published, publisherKey: publisher.publicKey))
    }

    func test<Value>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await Application(router: buildRouter(services)).test(.router, body)
    }

    /// A stored publication: the file signed and serialised as the Verband's merge writes it.
    static func publication(_ file: StatFile, signer: SigningKeyPair, period: String? = nil) throws -> PublishedStatistics {
        PublishedStatistics(
            period: period ?? file.period.description, publishedAt: "\(file.period.year + 1)-02-01T10:00:00Z",
            releaseCount: 2, file: try file.signed(with: signer).serialised())
    }

    /// Grounds (top level) per year: 2025 has 100 cases, 2026 has 200, so the shares are round.
    static let groundCounts: [Int: [String: Int]] = [
        2025: ["rassistische_zuschreibung": 50, "antisemitismus": 20, "lebensalter": 30],
        2026: ["rassistische_zuschreibung": 124, "antisemitismus": 36, "lebensalter": 40],
    ]

    /// A published year: an overview by kind, contacts without a file, cases by area of life
    /// (with a primary and a secondary suppression) and cases by ground × area (Nennungen).
    static func file(year: Int) -> StatFile {
        guard let period = StatPeriod(year: year, quarter: nil) else { preconditionFailure("a year of the tests") }
        let range = period.range
        let total = year == 2025 ? 100 : 200
        func table(
            _ name: String, _ unit: String, _ dimensions: [String], multiValued: [String] = [],
            _ cells: [StatCell], _ margins: [StatCell]
        ) -> StatTable {
            StatTable(
                name: name, unit: unit, period: range, taxonomy: "1", dimensions: dimensions, multiValued: multiValued,
                cells: cells, margins: margins)
        }
        let overview = table(
            "ueberblick", "neue_faelle", ["kind"],
            [
                StatCell(key: ["kind": "meldung"], count: total - 60),
                StatCell(key: ["kind": "beratungsfall"], count: 60),
                StatCell(key: ["kind": "organisationsberatung"], count: 0),
                StatCell(key: ["kind": "keine_angabe"], count: 0),
            ], [StatCell(key: [:], count: total)])
        let contacts = table("kurzkontakte", "kurzkontakte", [], [StatCell(key: [:], count: 17)], [StatCell(key: [:], count: 17)])
        let areas = table(
            "faelle_nach_lebensbereich", "neue_faelle", ["area_top"],
            [
                StatCell(key: ["area_top": "arbeit"], count: total - 40),
                StatCell(key: ["area_top": "wohnen"], count: nil, suppressed: true, primary: true),
                StatCell(key: ["area_top": "bildung"], count: nil, suppressed: true),
                StatCell(key: ["area_top": "keine_angabe"], count: 30),
            ], [StatCell(key: [:], count: total)])
        let grounds = groundCounts[year] ?? [:]
        let groundCodes = ["rassistische_zuschreibung", "antisemitismus", "lebensalter", "keine_angabe"]
        let areaCodes = ["arbeit", "keine_angabe"]
        var cells: [StatCell] = []
        for ground in groundCodes {
            for area in areaCodes {
                let count = grounds[ground].map { area == "arbeit" ? $0 : 0 } ?? 0
                cells.append(StatCell(key: ["ground_top": ground, "area_top": area], count: count))
            }
        }
        var margins = groundCodes.map { StatCell(key: ["ground_top": $0], count: grounds[$0] ?? 0) }
        margins += [StatCell(key: ["area_top": "arbeit"], count: total - 40), StatCell(key: ["area_top": "keine_angabe"], count: 40)]
        margins.append(StatCell(key: [:], count: total))
        let cross = table(
            "faelle_nach_merkmal_und_lebensbereich", "neue_faelle", ["ground_top", "area_top"],
            multiValued: ["ground_top"], cells, margins)
        return StatFile(
            scope: .verband, period: period, policy: String(repeating: "0", count: 64), taxonomy: "1",
            generatedOn: Day(year: year + 1, month: 1, day: 20) ?? range.to, tables: [overview, contacts, areas, cross])
    }
}
