import Casework
import Foundation
import Sealing
import SichtbarCore
import Statistics
import Testing

@testable import CaseStore

/// A seeded generator (SplitMix64) so the noise of a dp release is reproducible in tests.
private struct SeededNoise: RandomSource {
    var generator: SplitMix64

    init(state: UInt64) { generator = SplitMix64(seed: state) }

    mutating func uniform(below upperBound: UInt64) -> UInt64 {
        while true {
            let z = generator.next()
            let limit = UInt64.max - UInt64.max % upperBound
            if z < limit { return z % upperBound }
        }
    }
}

@Suite("ReleaseService under mode: dp: noise, the yearly ledger and the exact funding totals")
struct ReleaseServicePrivacyTests {
    @Test func aNoisyReleaseSpendsItsCostAndTheCapRefusesTheNext() async throws {
        let fixture = try await CaseworkFixture.make(now: Date(timeIntervalSince1970: 1_778_580_000))
        let lead = try await fixture.login("lead.a")
        let counsellor = try await fixture.login("berater.a1")
        for ground in ["antisemitismus", "lebensalter", "anti_schwarz"] {
            let id = try await fixture.casework.create(
                NewCaseInput(
                    kind: "beratungsfall", channel: "telefon", title: "Fall", persons: [],
                    contact: nil, note: nil), by: counsellor)
            try await fixture.casework.classify(id, codes: ["ground": [ground]], flags: [], region: nil, by: counsellor)
        }
        fixture.clock.advance(days: 60)
        let vocabulary = StatVocabulary(taxonomy: try Fixtures.taxonomy(), workflow: fixture.casework.policy)
        let policy = try Self.dpPolicy(vocabulary)
        #expect(policy.mode == .dp)
        let statistics = OfficeStatistics(
            store: fixture.sqlite.statistics, members: fixture.store, policy: policy, vocabulary: vocabulary,
            today: { Day(fixture.clock.now) })
        var service = ReleaseService(
            statistics: statistics, releases: fixture.sqlite.releases, signer: fixture.store.signer, now: { fixture.clock.now })
        service.noiseSource = { SeededNoise(state: 42) }
        let second = try #require(StatPeriod("2026-Q2"))

        let exact = try await statistics.tables(for: second, session: lead)
        let (stored, file) = try await service.release(second, session: lead)
        // Quarterly tables: five with one cell per case, and grounds (every code, plus its noised total).
        let groundCodes = vocabulary.codes(.facet("ground", topLevel: false)).count
        let cost = try #require(
            Epsilon(numerator: 1, denominator: 10),
            "the whole release costs the policy's ε per release (\(groundCodes) ground codes share it)")
        #expect(stored.epsilon == cost.description)
        #expect(file.verify(key: fixture.store.signer.publicKey).isValid)
        #expect(file.tables.map(\.name) == exact.map(\.name) + [FundingTotals.name])
        for table in file.tables {
            #expect(
                (table.cells + table.margins).allSatisfy { $0.count != nil && !$0.suppressed && ($0.count ?? -1) >= 0 },
                "noisy counts are present, never suppressed, never negative")
        }
        let totals = try #require(file.tables.last)
        #expect(totals.unit == FundingTotals.unit && totals.dimensions == [FundingTotals.dimension])
        #expect(totals.cells.first { $0.key[FundingTotals.dimension] == "neue_faelle" }?.count == 3, "the funding totals are exact")
        let noisyGrounds = try #require(file.tables.first { $0.name == "faelle_nach_merkmal" })
        let exactGrounds = try #require(exact.first { $0.name == "faelle_nach_merkmal" })
        #expect(noisyGrounds.cells != exactGrounds.cells, "the seeded noise changed some count")

        // The first quarter would bring 2026 past its cap of 3/20: refused naming the period.
        let first = try #require(StatPeriod("2026-Q1"))
        do {
            _ = try await service.release(first, session: lead)
            Issue.record("a release past the yearly cap was frozen")
        } catch AccessError.invalid(let field, let message) {
            #expect(field == "period" && message.contains("2026") && message.contains("cap"))
        }
        #expect(try await fixture.sqlite.releases.releases(officeID: fixture.officeA.id).count == 1)
    }

    /// The shipped policy under `mode: dp` with ε 1/10 per release and a cap of 3/20, grounds
    /// also quarterly, as a dp policy may (no suppression, so no quarter grids to solve).
    private static func dpPolicy(_ vocabulary: StatVocabulary) throws -> StatisticsPolicy {
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent("Policies/statistics.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "mode: exact", with: "mode: dp")
            .replacingOccurrences(of: "epsilon_per_release: \"1/2\"", with: "epsilon_per_release: \"1/10\"")
            .replacingOccurrences(of: "yearly_cap: \"2\"", with: "yearly_cap: \"3/20\"")
            .replacingOccurrences(
                of: "A year and its quarters\").\n    reports: [annual]",
                with: "A year and its quarters\").\n    reports: [annual, quarterly]")
        return try StatisticsPolicy.parse(text, file: "statistics.yaml", vocabulary: vocabulary)
    }

    /// A dp service over `store` with ε 1/10 per release and a cap of 3/20 (one release a year),
    /// and a lead with one classified case in 2026-Q2.
    private static func dpService(_ fixture: CaseworkFixture, releases: (any ReleaseStore)? = nil) async throws -> ReleaseService {
        let vocabulary = StatVocabulary(taxonomy: try Fixtures.taxonomy(), workflow: fixture.casework.policy)
        let policy = try Self.dpPolicy(vocabulary)
        let statistics = OfficeStatistics(
            store: fixture.sqlite.statistics, members: fixture.store, policy: policy, vocabulary: vocabulary,
            today: { Day(fixture.clock.now) })
        var service = ReleaseService(
            statistics: statistics, releases: releases ?? fixture.sqlite.releases, signer: fixture.store.signer,
            now: { fixture.clock.now })
        service.noiseSource = { SeededNoise(state: 7) }
        return service
    }

    private static func fixtureWithOneCase() async throws -> CaseworkFixture {
        let fixture = try await CaseworkFixture.make(now: Date(timeIntervalSince1970: 1_778_580_000))
        let counsellor = try await fixture.login("berater.a1")
        let id = try await fixture.casework.create(
            NewCaseInput(
                kind: "beratungsfall", channel: "telefon", title: "Fall", persons: [],
                contact: nil, note: nil), by: counsellor)
        try await fixture.casework.classify(id, codes: ["ground": ["lebensalter"]], flags: [], region: nil, by: counsellor)
        fixture.clock.advance(days: 60)
        return fixture
    }

    /// The operator lowers the ε stored beside a release to free budget: ε is bound into the
    /// release's seal, so the release no longer opens and the next dp release is refused.
    @Test func aLoweredEpsilonInTheDatabaseStopsTheNextRelease() async throws {
        let fixture = try await Self.fixtureWithOneCase()
        let lead = try await fixture.login("lead.a")
        let service = try await Self.dpService(fixture)
        let (stored, _) = try await service.release(try #require(StatPeriod("2026-Q2")), session: lead)
        #expect(stored.epsilon == "1/10")
        try await fixture.store.writer.write { db in
            try db.execute(sql: "UPDATE stat_release SET epsilon = '1/1000'")
        }
        do {
            _ = try await service.release(try #require(StatPeriod("2026-Q1")), session: lead)
            Issue.record("a release was frozen against a ledger the operator lowered")
        } catch AccessError.invalid(let field, let message) {
            #expect(field == "period" && message.contains("2026-Q2") && message.contains("ε"))
        }
        await #expect(throws: (any Error).self) { try await service.preview(id: stored.id, session: lead) }
        #expect(try await fixture.sqlite.releases.releases(officeID: fixture.officeA.id).count == 1)
    }

    /// The ledger is checked again inside the freeze transaction: a release admitted by a read
    /// that is already stale (another lead froze one meanwhile) is not stored.
    @Test func theLedgerIsCheckedInsideTheFreezeTransaction() async throws {
        let fixture = try await Self.fixtureWithOneCase()
        let lead = try await fixture.login("lead.a")
        _ = try await Self.dpService(fixture).release(try #require(StatPeriod("2026-Q2")), session: lead)
        let stale = try await Self.dpService(fixture, releases: StaleReleaseReads(store: fixture.sqlite.releases))
        do {
            _ = try await stale.release(try #require(StatPeriod("2026-Q1")), session: lead)
            Issue.record("two releases spent a budget that holds one")
        } catch AccessError.invalid(let field, let message) {
            #expect(field == "period" && message.contains("2026") && message.contains("cap"))
        }
        #expect(try await fixture.sqlite.releases.releases(officeID: fixture.officeA.id).count == 1)
    }
}
