import Casework
import Foundation
import Sealing
import SichtbarCore
import SichtbarTesting
import Statistics
import Testing

@Suite("Sending a release: previewed, sealed to the Verband, audited; published statistics kept per period")
struct ReleaseSendingTests {
    @Test func aSentReleaseOpensOnlyWithTheVerbandKeyAndEverySendIsAudited() async throws {
        let fixture = try await ServiceFixture.make(now: Date(timeIntervalSince1970: 1_778_580_000))
        let lead = try await fixture.login("lead.a")
        let counsellor = try await fixture.login("berater.a1")
        let analyst = try await fixture.login("analyse")
        try await fixture.addClassifiedCase("antisemitismus", by: counsellor)
        fixture.clock.advance(days: 60)
        let service = fixture.releaseService(try fixture.officeStatistics())
        let (stored, file) = try await service.release(try #require(StatPeriod("2026-Q2")), session: lead)

        #expect(try await service.list(session: lead).map(\.id) == [stored.id])
        await #expect(throws: AccessError.notFound) { _ = try await service.list(session: counsellor) }
        let preview = try await service.preview(id: stored.id, session: lead)
        #expect(preview.file == file)
        await #expect(throws: AccessError.notFound) { _ = try await service.preview(id: stored.id, session: counsellor) }
        await #expect(throws: AccessError.notFound) { _ = try await service.send(id: stored.id, session: counsellor) }
        await #expect(throws: AccessError.notFound) { _ = try await service.send(id: .random(), session: lead) }

        // The office has not confirmed the Verband key yet: nothing is sealed to it.
        await #expect(throws: AccessError.self) { _ = try await service.send(id: stored.id, session: lead) }
        let verband = try #require(try await fixture.store.verband())
        try await fixture.casework.members.confirmVerbandKey(fingerprint: KeyFingerprint.of(verband.publicKey), by: lead)
        let (sent, envelope) = try await service.send(id: stored.id, session: lead)
        #expect(sent.sentAt != nil && sent.verbandCopy != nil)
        #expect(envelope.checkpoint?.chain == fixture.officeA.id.hex, "the office's signed chain head travels with the release")
        #expect(envelope.office == fixture.officeA.id.hex && envelope.period == "2026-Q2")
        let verbandKeys = try #require(analyst.verbandKeys)
        let opened = try envelope.open(with: verbandKeys)
        let (received, verdict) = StatFile.open(opened, key: fixture.signer.publicKey)
        #expect(verdict.isValid && received == file)
        #expect(throws: (any Error).self, "another key cannot open it") { _ = try envelope.open(with: BoxKeyPair()) }
        let roundTrip = try #require(ReleaseEnvelope(bytes: try envelope.serialised()))
        #expect(roundTrip == envelope)
        #expect(ReleaseEnvelope(bytes: try file.serialised()) == nil, "a plain statistics file is no envelope")
        #expect(try await fixture.stores.releases.sentReleases().map(\.id) == [stored.id])

        // A second send (to another Verband's key, say) is audited too; the first copy stays.
        let other = BoxKeyPair()
        let (again, second) = try await service.send(id: stored.id, to: other.publicKey, session: lead)
        #expect(again.verbandCopy == sent.verbandCopy)
        #expect(StatFile.open(try second.open(with: other), key: nil).file == file)
        let actions = try await fixture.store.auditEntries(chain: fixture.officeA.id, from: 1, limit: 200).map(\.event.action)
        #expect(actions.filter { $0 == "release.sent" }.count == 2)
        #expect(actions.filter { $0 == "release.viewed" }.count == 1)
    }

    @Test func aPublicationIsKeptPerPeriodReplacedByALaterMergeAndAuditedForTheVerband() async throws {
        let fixture = try await ServiceFixture.make()
        let verband = try #require(try await fixture.store.verband())
        func publication(_ period: String, _ count: Int) -> PublishedStatistics {
            PublishedStatistics(
                period: period, publishedAt: "2027-01-0\(count)T10:00:00Z", releaseCount: count, file: Array("{\"n\":\(count)}".utf8))
        }
        for (period, count) in [("2025", 1), ("2026-Q1", 1), ("2026", 2), ("2026", 3)] {
            try await fixture.stores.publications.publish(
                publication(period, count), audit: .member("analyse", .statisticsPublished, period))
        }
        #expect(try await fixture.stores.publications.published(period: "2026") == publication("2026", 3))
        #expect(try await fixture.stores.publications.published(period: "2024") == nil)
        #expect(try await fixture.stores.publications.publications().map(\.period) == ["2026", "2026-Q1", "2025"])
        #expect(
            try await fixture.stores.publications.history().map(\.releaseCount) == [1, 1, 2, 3], "replaced publications stay in the history"
        )
        let actions = try await fixture.store.auditEntries(chain: verband.id, from: 1, limit: 50).map(\.event.action)
        #expect(actions.filter { $0 == "statistics.published" }.count == 4)
        let memory = InMemoryPublishedStatisticsStore([publication("2025", 1), publication("2026-Q4", 1), publication("2026", 1)])
        #expect(await memory.publications().map(\.period) == ["2026", "2026-Q4", "2025"])
    }
}
