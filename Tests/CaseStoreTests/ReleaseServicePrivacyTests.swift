import Casework
import Foundation
import Sealing
import SichtbarCore
import SichtbarTesting
import Statistics
import Testing

@testable import CaseStore

/// ReleaseService under `mode: dp` against an operator who edits the SQLite rows. (Noise, the
/// yearly ledger and the funding totals run over the in-memory engine in StatisticsTests.)
@Suite("ReleaseService under mode: dp: a ledger the operator lowered in the database")
struct ReleaseServicePrivacyTests {
    /// A dp service over the SQLite release store with ε 1/10 per release and a cap of 3/20 (one release a year),
    /// and a lead with one classified case in 2026-Q2.
    private static func dpService(_ fixture: CaseworkFixture) async throws -> ReleaseService {
        let vocabulary = StatVocabulary(taxonomy: try Fixtures.taxonomy(), workflow: fixture.casework.policy)
        let policy = try dpStatisticsPolicy(vocabulary)
        let statistics = OfficeStatistics(
            store: fixture.sqlite.statistics, members: fixture.store, policy: policy, vocabulary: vocabulary,
            today: { Day(fixture.clock.now) })
        var service = ReleaseService(
            statistics: statistics, releases: fixture.sqlite.releases, signer: fixture.store.signer,
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
        } catch let refusal as FieldError {
            let (field, message) = (refusal.field, refusal.message)
            #expect(field == "period" && message.contains("2026-Q2") && message.contains("ε"))
        }
        await #expect(throws: (any Error).self) { try await service.preview(id: stored.id, session: lead) }
        #expect(try await fixture.sqlite.releases.releases(officeID: fixture.officeA.id).count == 1)
    }
}
