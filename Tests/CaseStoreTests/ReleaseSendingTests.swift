import Casework
import Foundation
import Sealing
import SichtbarCore
import SichtbarTesting
import Statistics
import Testing

@testable import CaseStore

/// The Verband's publisher against an operator who edits the SQLite rows of the publication
/// history. (Previews, sends and the kept publications run over the in-memory engine in
/// StatisticsTests.)
@Suite("Publishing: a stored publication the operator changed stops the next one")
struct ReleaseSendingTests {
    /// The publisher protects a new publication against every earlier one of the year, read
    /// from the history and checked against the Verband's key: a stored file the operator
    /// changed stops the next publication instead of being trusted.
    @Test func thePublisherTakesTheYearsEarlierPublicationsFromTheVerifiedHistory() async throws {
        let fixture = try await ServiceFixture.overSQLite()
        let analyst = try await fixture.login("analyse")
        let vocabulary = StatVocabulary(taxonomy: try Fixtures.taxonomy(), workflow: fixture.casework.policy)
        let policy = try StatisticsPolicy.load(
            from: Fixtures.root.appendingPathComponent("Policies/statistics.yaml"), vocabulary: vocabulary)
        let signer = fixture.store.signer
        let publisher = VerbandPublisher(
            merge: VerbandMerge(policy: policy, taxonomyVersion: vocabulary.taxonomy.version, trustedKeys: [signer.publicKey]),
            releases: fixture.engine.releases, published: fixture.engine.publications, signer: signer)
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
        #expect(try await fixture.engine.publications.history().map(\.period) == ["2026-Q1", "2026-Q1"])
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
        } catch let refusal as FieldError {
            let (field, message) = (refusal.field, refusal.message)
            #expect(field == "file" && message.contains("2026-Q1") && message.contains("does not verify"))
        }
        #expect(try await fixture.engine.publications.history().count == 2)
    }
}
