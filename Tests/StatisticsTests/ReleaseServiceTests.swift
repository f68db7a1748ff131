import Casework
import Foundation
import Sealing
import SichtbarCore
import SichtbarTesting
import Statistics
import Testing

@Suite("ReleaseService: a closed period's tables frozen, signed and sealed, asked again the same")
struct ReleaseServiceTests {
    @Test func aReleaseIsFrozenSignedAndTheSameWhenAskedAgain() async throws {
        // 2026-05-12; the clock moves past the quarter before the release.
        let fixture = try await ServiceFixture.make(now: Date(timeIntervalSince1970: 1_778_580_000))
        let lead = try await fixture.login("lead.a")
        let counsellor = try await fixture.login("berater.a1")
        try await fixture.addClassifiedCase("antisemitismus", by: counsellor)
        let late = try await fixture.casework.create(
            NewCaseInput(
                kind: "meldung", channel: "telefon", title: "Spät", persons: [], contact: nil,
                note: nil), by: counsellor)
        fixture.clock.advance(days: 60)
        let statistics = try fixture.officeStatistics()
        let policy = statistics.policy
        let service = fixture.releaseService(statistics)
        let quarter = try #require(StatPeriod("2026-Q2"))

        let (stored, file) = try await service.release(quarter, session: lead)
        #expect(file.scope == .office && file.office == fixture.officeA.id.hex && file.period == quarter && file.policy == policy.digest)
        #expect(file.verify(key: fixture.signer.publicKey).isValid)
        #expect(file.tables.first { $0.name == "ueberblick" }?.margins.first?.count == 1)
        #expect(!stored.sealed.isEmpty && stored.sentAt == nil)
        #expect(!String(decoding: stored.sealed, as: UTF8.self).contains("ueberblick"), "the stored release is sealed")

        // A second case of the quarter classified afterwards does not change the frozen release.
        try await fixture.casework.classify(late, codes: ["ground": ["lebensalter"]], flags: [], region: nil, by: counsellor)
        #expect(
            try await statistics.tables(for: quarter, session: lead).first { $0.name == "ueberblick" }?.margins.first?.count == 2,
            "computed afresh the quarter has two")
        let again = try await service.release(quarter, session: lead)
        #expect(again.stored == stored && again.file == file)
        #expect(again.file.tables.first { $0.name == "ueberblick" }?.margins.first?.count == 1)
        await #expect(throws: AccessError.notFound) { _ = try await service.release(quarter, session: counsellor) }
        let actions = try await fixture.store.auditEntries(chain: fixture.officeA.id, from: 1, limit: 200).map(\.event.action)
        #expect(actions.filter { $0 == "release.frozen" }.count == 1)
    }
}
