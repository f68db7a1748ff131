import Foundation
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing

@testable import Casework
@testable import Statistics

/// Issue 18: codes resolved once per dimension (`FactsAxis`), classifications opened and indexed
/// in parallel runs, JSON and binary plaintexts side by side: the tables stay byte for byte what
/// the counting of before made of the same classifications.
@Suite struct CountingOnceTests {
    typealias F = StatisticsFixtures

    static func encoded(_ tables: [StatTable]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(tables)
    }

    @Test func eachAxisIsWhatTheValuesOfEveryCaseWere() throws {
        let vocabulary = try F.vocabulary()
        let before = CountingBefore(vocabulary: vocabulary)
        var random = RandomClassifications(seed: 1)
        let facts = (0..<5_000).map { _ in random.next() }
        let dimensions: [StatDimension] = [
            .facet("ground", topLevel: false), .facet("ground", topLevel: true), .facet("area", topLevel: true),
            .facet("area", topLevel: false), .facet("perpetrator", topLevel: false), .facet("no_such_facet", topLevel: false),
            .kind, .regierungsbezirk, .outcome, .intervention, .flag,
        ]
        for dimension in dimensions {
            let axis = FactsAxis(dimension, facts: facts[...], vocabulary: vocabulary)
            let (codes, positions) = before.positions(dimension, facts: facts)
            #expect(axis.codes == codes)
            let flat = facts.indices.map { index in
                axis.positions[Int(axis.starts[index])..<Int(axis.starts[index + 1])].map(Int.init)
            }
            #expect(flat == positions, "\(dimension)")
            // Cut into runs and joined again, the axis is the same.
            let parts = stride(from: 0, to: facts.count, by: 1_234).map {
                FactsAxis(dimension, facts: facts[$0..<min($0 + 1_234, facts.count)], vocabulary: vocabulary)
            }
            let joined = FactsAxis.joining(parts, codes: codes)
            #expect(joined.starts == axis.starts && joined.positions == axis.positions)
        }
    }

    @Test(arguments: ["2026", "2025", "2026-Q1", "2026-Q4"])
    func tablesAreByteForByteThoseOfBefore(period: String) throws {
        let vocabulary = try F.vocabulary()
        let policy = try F.policy()
        let period = try #require(StatPeriod(period))
        let specs = period.quarter == nil ? policy.tables : policy.tables(for: "quarterly")
        var random = RandomClassifications(seed: 2)
        let facts = (0..<20_000).map { _ in random.next() }
        let plain = TableCounter.PlainCounts(kurzkontakte: 11, nichtKlassifiziert: 4)
        let now = TableCounter(vocabulary: vocabulary).count(specs, facts: facts, plain: plain, period: period)
        let then = CountingBefore(vocabulary: vocabulary).count(specs, facts: facts, plain: plain, period: period)
        #expect(try Self.encoded(now) == Self.encoded(then))
        #expect(now.reduce(0) { $0 + ($1.margins.last?.count ?? 0) } > 1_000, "the seeded cases fall in the period")
    }

    /// One to four runs, and classifications sealed half as JSON, half in binary: the same tables,
    /// byte for byte, and the same as the counting of before over the plain classifications.
    @Test func oneToFourRunsAndBothFormatsGiveTheSameTables() async throws {
        // 2027-02-01: the year 2026 is closed.
        let fixture = try await ServiceFixture.make(now: Date(timeIntervalSince1970: 1_801_440_000))
        let lead = try await fixture.login("lead.a")
        let vocabulary = try fixture.vocabulary()
        let office = fixture.officeA
        let secrets = try await lead.officeSecrets(version: office.keyVersion, store: fixture.stores.members)
        let key = try #require(secrets.statisticsKey(version: secrets.version))
        var random = RandomClassifications(seed: 3)
        let facts = (0..<3_000).map { _ in random.next(taxonomy: vocabulary.taxonomy.version) }
        let sealed = try facts.enumerated().map { index, facts in
            index % 2 == 0
                ? try FacetCodec.seal(facts, officeID: office.id, keyVersion: secrets.version, key: key)
                : try FacetCodec.seal(
                    plaintext: Array(JSONEncoder().encode(facts)), month: facts.month, officeID: office.id, id: .random(),
                    keyVersion: secrets.version, key: key)
        }
        let store = SealedFacetsStore(officeID: office.id, facets: sealed)
        let policy = try shippedStatisticsPolicy(vocabulary)
        let year = try #require(StatPeriod("2026"))
        var encoded: [Data] = []
        for runs in 1...4 {
            let statistics = OfficeStatistics(
                store: store, members: fixture.stores.members, policy: policy, vocabulary: vocabulary, runs: runs,
                today: { fixture.clock.today })
            encoded.append(try Self.encoded(try await statistics.tables(for: year, session: lead)))
            #expect(
                try await statistics.classifications(of: office.id, through: year, session: lead) == facts.filter { $0.month <= "2026-12" })
        }
        #expect(Set(encoded).count == 1)
        let before = CountingBefore(vocabulary: vocabulary).count(
            policy.tables, facts: facts.filter { $0.month <= "2026-12" }, plain: .init(kurzkontakte: 5, nichtKlassifiziert: 3), period: year
        )
        #expect(encoded.first == (try Self.encoded(before)))
    }
}
