import Casework
import Foundation
import Members
import Sealing
import SichtbarCore
import Statistics

/// `PublishedStatisticsStore` over PostgreSQL: the Verband's published statistics, per period and as history.
public struct PostgresPublishedStatisticsStore: PostgresBacked {
    public let context: PostgresContext
    public init(_ context: PostgresContext) { self.context = context }
}

extension PostgresPublishedStatisticsStore: PublishedStatisticsStore {
    /// Keeps the publication of its period (replacing an earlier merge) and adds it to the
    /// history, numbered after the last one under the Verband's lock; audited in the Verband's chain.
    public func publish(_ statistics: PublishedStatistics, audit: AuditEvent) async throws {
        try await database.write { session in
            try await session.lock(.verband)
            guard let verband = try await PostgresMemberStore.verband(session) else { throw MemberStoreError.membersChanged }
            try await session.execute(
                """
                INSERT INTO stat_published (period, published_at, release_count, file)
                VALUES (\(statistics.period), \(statistics.publishedAt), \(statistics.releaseCount), \(bytes: statistics.file))
                ON CONFLICT (period) DO UPDATE SET published_at = excluded.published_at, release_count = excluded.release_count,
                    file = excluded.file
                """)
            try await session.execute(
                """
                INSERT INTO stat_published_history (number, period, published_at, release_count, file)
                SELECT coalesce(max(number), 0) + 1, \(statistics.period), \(statistics.publishedAt), \(statistics.releaseCount),
                       \(bytes: statistics.file)
                FROM stat_published_history
                """)
            try await self.audit(audit, chain: verband.id, session)
        }
    }

    public func published(period: String) async throws -> PublishedStatistics? {
        try await database.read { session in
            try await session.one("SELECT period, published_at, release_count, file FROM stat_published WHERE period = \(period)").map(
                Self.decode)
        }
    }

    public func publications() async throws -> [PublishedStatistics] {
        try await database.read { session in
            try await session.rows("SELECT period, published_at, release_count, file FROM stat_published").map(Self.decode)
        }.sorted { PublishedStatistics.newestFirst($0.period, $1.period) }
    }

    public func history() async throws -> [PublishedStatistics] {
        try await database.read { session in
            try await session.rows("SELECT period, published_at, release_count, file FROM stat_published_history ORDER BY number").map(
                Self.decode)
        }
    }

    static func decode(_ row: PostgresColumns) throws -> PublishedStatistics {
        PublishedStatistics(
            period: try row.string("period"), publishedAt: try row.string("published_at"), releaseCount: try row.int("release_count"),
            file: try row.bytes("file"))
    }
}
