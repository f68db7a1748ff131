import SichtbarCore

/// The store seam for the Verband's published statistics, one publication per period. A later
/// merge (more offices, a corrected release) replaces the earlier one, which stays in `history`; publishing is audited in
/// the Verband's chain in the same transaction. CaseStore implements it over SQLite.
public protocol PublishedStatisticsStore: Sendable {
    func publish(_ statistics: PublishedStatistics, audit: AuditEvent) async throws
    func published(period: String) async throws -> PublishedStatistics?
    /// Every publication, newest period first (years before their quarters).
    func publications() async throws -> [PublishedStatistics]
    /// Every publication ever made, replaced ones included, oldest first: what was published
    /// stays public, so disclosure control of a new publication takes all of them into account.
    func history() async throws -> [PublishedStatistics]
}
