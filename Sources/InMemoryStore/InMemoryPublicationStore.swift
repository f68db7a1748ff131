import Members
import SichtbarCore
import Statistics

/// `PublishedStatisticsStore` over the shared in-memory state, audited in the Verband's chain.
/// Named apart from Statistics' stand-alone `InMemoryPublishedStatisticsStore`.
public struct InMemoryPublicationStore: PublishedStatisticsStore {
    let database: InMemoryDatabase

    /// Replaces the period's publication and keeps it in the history; `.membersChanged` without a Verband.
    public func publish(_ statistics: PublishedStatistics, audit: AuditEvent) async throws {
        try database.write { state in
            guard let verband = state.verband else { throw MemberStoreError.membersChanged }
            guard Period.isValid(statistics.period) else { throw InMemoryStoreError.constraint("stat_published.period") }
            guard statistics.releaseCount > 0 else { throw InMemoryStoreError.constraint("stat_published.release_count") }
            state.published[statistics.period] = statistics
            state.publishedHistory.append(statistics)
            database.audit([audit], chain: verband.id, &state)
        }
    }

    public func published(period: String) async throws -> PublishedStatistics? {
        try database.read { $0.published[period] }
    }

    public func publications() async throws -> [PublishedStatistics] {
        try database.read { state in state.published.values.sorted { PublishedStatistics.newestFirst($0.period, $1.period) } }
    }

    public func history() async throws -> [PublishedStatistics] {
        try database.read { $0.publishedHistory }
    }
}
