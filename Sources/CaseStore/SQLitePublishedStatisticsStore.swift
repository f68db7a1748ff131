import Casework
import Foundation
import GRDB
import Members
import Sealing
import SichtbarCore
import Statistics

/// `PublishedStatisticsStore` over SQLite: the Verband's published statistics, per period and as history.
public struct SQLitePublishedStatisticsStore: SQLiteStore {
    public let context: SQLiteContext
    public init(_ context: SQLiteContext) { self.context = context }
}

extension SQLitePublishedStatisticsStore: PublishedStatisticsStore {
    /// Keeps the publication of its period (replacing an earlier merge), audited in the Verband's chain.
    public func publish(_ statistics: PublishedStatistics, audit: AuditEvent) async throws {
        try await writer.write { db in
            guard let verband = try SQLiteMemberStore.verband(db) else { throw MemberStoreError.membersChanged }
            try db.execute(
                sql: """
                    INSERT INTO stat_published (period, published_at, release_count, file) VALUES (?, ?, ?, ?)
                    ON CONFLICT (period) DO UPDATE SET published_at = excluded.published_at,
                        release_count = excluded.release_count, file = excluded.file
                    """, arguments: [statistics.period, statistics.publishedAt, statistics.releaseCount, Data(statistics.file)])
            try db.execute(
                sql: "INSERT INTO stat_published_history (period, published_at, release_count, file) VALUES (?, ?, ?, ?)",
                arguments: [statistics.period, statistics.publishedAt, statistics.releaseCount, Data(statistics.file)])
            try self.audit(audit, chain: verband.id, db)
        }
    }

    public func published(period: String) async throws -> PublishedStatistics? {
        try await writer.read { db in
            try Self.publications(db, where: "period = ?", [period]).first
        }
    }

    public func publications() async throws -> [PublishedStatistics] {
        try await writer.read { db in
            try Self.publications(db, where: "1", []).sorted { PublishedStatistics.newestFirst($0.period, $1.period) }
        }
    }

    public func history() async throws -> [PublishedStatistics] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT period, published_at, release_count, file FROM stat_published_history ORDER BY number").map {
                row in
                PublishedStatistics(period: row[0], publishedAt: row[1], releaseCount: row[2], file: [UInt8](row[3] as Data))
            }
        }
    }

    static func publications(_ db: Database, where condition: String, _ arguments: StatementArguments) throws -> [PublishedStatistics] {
        try Row.fetchAll(
            db, sql: "SELECT period, published_at, release_count, file FROM stat_published WHERE \(condition)",
            arguments: arguments
        ).map { row in
            PublishedStatistics(period: row[0], publishedAt: row[1], releaseCount: row[2], file: [UInt8](row[3] as Data))
        }
    }
}
