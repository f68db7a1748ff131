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
    /// A lead with one classified case in 2026-Q2, over SQLite.
    private static func fixtureWithOneCase() async throws -> ServiceFixture<SQLiteStores> {
        let fixture = try await ServiceFixture.overSQLite(now: Date(timeIntervalSince1970: 1_778_580_000))
        try await fixture.addClassifiedCase("lebensalter", by: try await fixture.login("berater.a1"))
        fixture.clock.advance(days: 60)
        return fixture
    }

    /// The operator lowers the ε stored beside a release to free budget: ε is bound into the
    /// release's seal, so the release no longer opens and the next dp release is refused.
    @Test func aLoweredEpsilonInTheDatabaseStopsTheNextRelease() async throws {
        let fixture = try await Self.fixtureWithOneCase()
        let lead = try await fixture.login("lead.a")
        let service = try fixture.dpReleaseService()
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
        #expect(try await fixture.engine.releases.releases(officeID: fixture.officeA.id).count == 1)
    }
}
