import Casework
import Foundation
import Sealing
import SichtbarCore
import Statistics
import Testing

@testable import CaseStore

@Suite("Sending a release: previewed, sealed to the Verband, audited; published statistics kept per period")
struct ReleaseSendingTests {
    func service(_ fixture: CaseworkFixture) throws -> ReleaseService {
        let vocabulary = StatVocabulary(taxonomy: try Fixtures.taxonomy(), workflow: fixture.casework.policy)
        let policy = try StatisticsPolicy.load(
            from: Fixtures.root.appendingPathComponent("Policies/statistics.yaml"), vocabulary: vocabulary)
        let statistics = OfficeStatistics(
            store: fixture.sqlite.statistics, members: fixture.store, policy: policy, vocabulary: vocabulary,
            today: { Day(fixture.clock.now) })
        return ReleaseService(
            statistics: statistics, releases: fixture.sqlite.releases, signer: fixture.store.signer, now: { fixture.clock.now })
    }

    @Test func aSentReleaseOpensOnlyWithTheVerbandKeyAndEverySendIsAudited() async throws {
        let fixture = try await CaseworkFixture.make(now: Date(timeIntervalSince1970: 1_778_580_000))
        let lead = try await fixture.login("lead.a")
        let counsellor = try await fixture.login("berater.a1")
        let analyst = try await fixture.login("analyse")
        let id = try await fixture.casework.create(
            NewCaseInput(
                kind: "beratungsfall", channel: "telefon", title: "Fall", persons: [],
                contact: nil, note: nil), by: counsellor)
        try await fixture.casework.classify(id, codes: ["ground": ["antisemitismus"]], flags: [], region: nil, by: counsellor)
        fixture.clock.advance(days: 60)
        let service = try service(fixture)
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
        let (received, verdict) = StatFile.open(opened, key: fixture.store.signer.publicKey)
        #expect(verdict.isValid && received == file)
        #expect(throws: (any Error).self, "another key cannot open it") { _ = try envelope.open(with: BoxKeyPair()) }
        let roundTrip = try #require(ReleaseEnvelope(bytes: try envelope.serialised()))
        #expect(roundTrip == envelope)
        #expect(ReleaseEnvelope(bytes: try file.serialised()) == nil, "a plain statistics file is no envelope")
        #expect(try await fixture.sqlite.releases.sentReleases().map(\.id) == [stored.id])

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
        let fixture = try await CaseworkFixture.make()
        let verband = try #require(try await fixture.store.verband())
        func publication(_ period: String, _ count: Int) -> PublishedStatistics {
            PublishedStatistics(
                period: period, publishedAt: "2027-01-0\(count)T10:00:00Z", releaseCount: count, file: Array("{\"n\":\(count)}".utf8))
        }
        for (period, count) in [("2025", 1), ("2026-Q1", 1), ("2026", 2), ("2026", 3)] {
            try await fixture.sqlite.publications.publish(
                publication(period, count), audit: .member("analyse", .statisticsPublished, period))
        }
        #expect(try await fixture.sqlite.publications.published(period: "2026") == publication("2026", 3))
        #expect(try await fixture.sqlite.publications.published(period: "2024") == nil)
        #expect(try await fixture.sqlite.publications.publications().map(\.period) == ["2026", "2026-Q1", "2025"])
        #expect(
            try await fixture.sqlite.publications.history().map(\.releaseCount) == [1, 1, 2, 3], "replaced publications stay in the history"
        )
        let actions = try await fixture.store.auditEntries(chain: verband.id, from: 1, limit: 50).map(\.event.action)
        #expect(actions.filter { $0 == "statistics.published" }.count == 4)
        let memory = InMemoryPublishedStatisticsStore([publication("2025", 1), publication("2026-Q4", 1), publication("2026", 1)])
        #expect(await memory.publications().map(\.period) == ["2026", "2026-Q4", "2025"])
    }

    /// The publisher protects a new publication against every earlier one of the year, read
    /// from the history and checked against the Verband's key: a stored file the operator
    /// changed stops the next publication instead of being trusted.
    @Test func thePublisherTakesTheYearsEarlierPublicationsFromTheVerifiedHistory() async throws {
        let fixture = try await CaseworkFixture.make()
        let analyst = try await fixture.login("analyse")
        let vocabulary = StatVocabulary(taxonomy: try Fixtures.taxonomy(), workflow: fixture.casework.policy)
        let policy = try StatisticsPolicy.load(
            from: Fixtures.root.appendingPathComponent("Policies/statistics.yaml"), vocabulary: vocabulary)
        let signer = fixture.store.signer
        let publisher = VerbandPublisher(
            merge: VerbandMerge(policy: policy, taxonomyVersion: vocabulary.taxonomy.version, trustedKeys: [signer.publicKey]),
            releases: fixture.sqlite.releases, published: fixture.sqlite.publications, signer: signer)
        let day = try #require(Day(year: 2027, month: 1, day: 15))
        func files(_ period: String) throws -> [[UInt8]] {
            let period = try #require(StatPeriod(period))
            return try (1...3).map {
                try SyntheticOffices.release(
                    policy: policy, vocabulary: vocabulary, office: $0, cases: 30, period: period,
                    day: day, signer: signer)
            }
        }
        let first = try await publisher.publish(try files("2026-Q1"), session: analyst)
        // The same releases again: every printed count agrees, what was hidden stays hidden.
        let again = try await publisher.publish(try files("2026-Q1"), session: analyst)
        #expect(again.published.file == first.published.file)
        #expect(try await fixture.sqlite.publications.history().map(\.period) == ["2026-Q1", "2026-Q1"])
        // The operator edits the stored first publication (a printed count) in the history.
        try await fixture.store.writer.write { db in
            let file = try #require(try Data.fetchOne(db, sql: "SELECT file FROM stat_published_history ORDER BY number LIMIT 1"))
            var text = String(decoding: file, as: UTF8.self)
            let range = try #require(text.range(of: "\"count\":"))
            text.insert("1", at: range.upperBound)
            try db.execute(
                sql: "UPDATE stat_published_history SET file = ? WHERE number = (SELECT MIN(number) FROM stat_published_history)",
                arguments: [Data(text.utf8)])
        }
        do {
            _ = try await publisher.publish(try files("2026-Q2"), session: analyst)
            Issue.record("a publication was protected against a stored file the operator changed")
        } catch AccessError.invalid(let field, let message) {
            #expect(field == "file" && message.contains("2026-Q1") && message.contains("does not verify"))
        }
        #expect(try await fixture.sqlite.publications.history().count == 2)
    }
}
