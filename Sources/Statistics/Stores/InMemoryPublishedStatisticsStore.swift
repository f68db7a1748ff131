import SichtbarCore

/// A `PublishedStatisticsStore` in memory, for the core and route tests.
public actor InMemoryPublishedStatisticsStore: PublishedStatisticsStore {
    private var byPeriod: [String: PublishedStatistics] = [:]
    private var all: [PublishedStatistics] = []
    /// What `publish` was asked to audit, in order.
    public private(set) var auditEvents: [AuditEvent] = []

    public init(_ publications: [PublishedStatistics] = []) {
        for publication in publications { byPeriod[publication.period] = publication }
        all = publications
    }

    public func publish(_ statistics: PublishedStatistics, audit: AuditEvent) {
        byPeriod[statistics.period] = statistics
        all.append(statistics)
        auditEvents.append(audit)
    }

    public func published(period: String) -> PublishedStatistics? { byPeriod[period] }

    public func history() -> [PublishedStatistics] { all }

    public func publications() -> [PublishedStatistics] {
        byPeriod.values.sorted { PublishedStatistics.newestFirst($0.period, $1.period) }
    }
}

extension PublishedStatistics {
    /// Newest period first; a year before its own quarters ("2026" > "2026-Q4" > "2026-Q1" > "2025").
    public static func newestFirst(_ lhs: String, _ rhs: String) -> Bool {
        let left = (lhs.prefix(4), lhs.count == 4 ? 9 : Int(lhs.suffix(1)) ?? 0)
        let right = (rhs.prefix(4), rhs.count == 4 ? 9 : Int(rhs.suffix(1)) ?? 0)
        return left.0 != right.0 ? left.0 > right.0 : left.1 > right.1
    }
}
