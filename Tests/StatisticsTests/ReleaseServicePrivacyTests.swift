import Casework
import Foundation
import InMemoryStore
import Sealing
import SichtbarCore
import SichtbarTesting
import Statistics
import Testing

@Suite("ReleaseService under mode: dp: noise, the yearly ledger and the exact funding totals")
struct ReleaseServicePrivacyTests {
    @Test func aNoisyReleaseSpendsItsCostAndTheCapRefusesTheNext() async throws {
        let fixture = try await ServiceFixture.make(now: Date(timeIntervalSince1970: 1_778_580_000))
        let lead = try await fixture.login("lead.a")
        let counsellor = try await fixture.login("berater.a1")
        for ground in ["antisemitismus", "lebensalter", "anti_schwarz"] {
            try await fixture.addClassifiedCase(ground, by: counsellor)
        }
        fixture.clock.advance(days: 60)
        let vocabulary = try fixture.vocabulary()
        let policy = try dpStatisticsPolicy(vocabulary)
        #expect(policy.mode == .dp)
        let statistics = try fixture.officeStatistics(policy: policy)
        var service = fixture.releaseService(statistics)
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
        #expect(file.verify(key: fixture.signer.publicKey).isValid)
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
        } catch let refusal as FieldError {
            let (field, message) = (refusal.field, refusal.message)
            #expect(field == "period" && message.contains("2026") && message.contains("cap"))
        }
        #expect(try await fixture.stores.releases.releases(officeID: fixture.officeA.id).count == 1)
    }

    /// A lead with one classified case in 2026-Q2.
    private static func fixtureWithOneCase() async throws -> ServiceFixture<InMemoryDatabase> {
        let fixture = try await ServiceFixture.make(now: Date(timeIntervalSince1970: 1_778_580_000))
        try await fixture.addClassifiedCase("lebensalter", by: try await fixture.login("berater.a1"))
        fixture.clock.advance(days: 60)
        return fixture
    }

    /// The ledger is checked again inside the freeze transaction: a release admitted by a read
    /// that is already stale (another lead froze one meanwhile) is not stored.
    @Test func theLedgerIsCheckedInsideTheFreezeTransaction() async throws {
        let fixture = try await Self.fixtureWithOneCase()
        let lead = try await fixture.login("lead.a")
        _ = try await fixture.dpReleaseService().release(try #require(StatPeriod("2026-Q2")), session: lead)
        let stale = try fixture.dpReleaseService(releases: StaleReleaseReads(store: fixture.stores.releases))
        do {
            _ = try await stale.release(try #require(StatPeriod("2026-Q1")), session: lead)
            Issue.record("two releases spent a budget that holds one")
        } catch let refusal as FieldError {
            let (field, message) = (refusal.field, refusal.message)
            #expect(field == "period" && message.contains("2026") && message.contains("cap"))
        }
        #expect(try await fixture.stores.releases.releases(officeID: fixture.officeA.id).count == 1)
    }
}
