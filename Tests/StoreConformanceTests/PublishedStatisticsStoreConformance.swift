import Casework
import Foundation
import Members
import SichtbarCore
import SichtbarTesting
import Statistics
import Testing

/// `PublishedStatisticsStore`: one publication per period, replaced ones kept in the history,
/// audited in the Verband's chain.
@Suite struct PublishedStatisticsStoreConformance {
    static func publication(_ period: String, releases: Int = 2, file: [UInt8] = [1]) -> PublishedStatistics {
        PublishedStatistics(period: period, publishedAt: "2026-04-01T09:00:00Z", releaseCount: releases, file: file)
    }

    @Test(arguments: Engine.allCases) func publicationsComeNewestFirstYearsBeforeTheirQuarters(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let (verband, _, _, _) = try await fixture.createVerband()
        let store = fixture.stores.published
        for period in ["2025-Q3", "2026-Q1", "2025", "2025-Q4", "2026-Q2"] {
            try await store.publish(Self.publication(period), audit: fixture.event("analyse", .statisticsPublished, period))
        }
        #expect(try await store.publications().map(\.period) == ["2026-Q2", "2026-Q1", "2025", "2025-Q4", "2025-Q3"])
        #expect(try await store.published(period: "2025-Q4") == Self.publication("2025-Q4"))
        #expect(try await store.published(period: "2024") == nil)
        let entries = try await fixture.entries(verband.id)
        #expect(entries.map(\.action) == ["verband.created"] + Array(repeating: "statistics.published", count: 5))
        #expect(entries.dropFirst().map(\.event.subject) == ["2025-Q3", "2026-Q1", "2025", "2025-Q4", "2026-Q2"])
        #expect(try await fixture.verify(verband.id) == .intact(count: 6))
        #expect(try await fixture.actions().isEmpty, "not in an office's chain")
    }

    /// A later merge replaces the period's publication; what was published stays in the history.
    @Test(arguments: Engine.allCases) func aRepublishedPeriodReplacesAndTheHistoryKeepsBoth(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        try await fixture.createVerband()
        let store = fixture.stores.published
        let first = Self.publication("2026-Q1", releases: 2, file: [1])
        let other = Self.publication("2025", releases: 3, file: [2])
        let corrected = PublishedStatistics(period: "2026-Q1", publishedAt: "2026-04-09T09:00:00Z", releaseCount: 4, file: [3])
        for publication in [first, other, corrected] {
            try await store.publish(publication, audit: fixture.event("analyse", .statisticsPublished, publication.period))
        }
        #expect(try await store.published(period: "2026-Q1") == corrected)
        #expect(try await store.publications() == [corrected, other])
        #expect(try await store.history() == [first, other, corrected], "oldest first, replaced ones included")
    }

    @Test(arguments: Engine.allCases) func withoutAVerbandNothingIsPublished(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        await #expect(throws: (any Error).self) {
            try await fixture.stores.published.publish(
                Self.publication("2026"), audit: fixture.event("analyse", .statisticsPublished, "2026"))
        }
        #expect(try await fixture.stores.published.publications().isEmpty)
        #expect(try await fixture.stores.published.history().isEmpty)
    }
}
