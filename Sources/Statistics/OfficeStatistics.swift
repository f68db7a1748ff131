import Casework
import Foundation
import Members
import Sealing
import SichtbarCore

/// An office's exact tables for a closed period, computed inside a lead's session: only a lead
/// holds the statistics keys that open the office's classifications, and only whole closed
/// quarters and years exist, so nothing can be counted over a window narrow enough to single
/// out one person's case.
public struct OfficeStatistics: Sendable {
    public let store: any StatisticsStore
    public let members: any MemberStore
    public let policy: StatisticsPolicy
    public let counter: TableCounter
    /// How many runs open the classifications at once (one per core; tests vary it).
    public let runs: Int
    let today: @Sendable () -> Day

    public init(
        store: any StatisticsStore, members: any MemberStore, policy: StatisticsPolicy, vocabulary: StatVocabulary,
        runs: Int = ParallelRuns.width, today: @escaping @Sendable () -> Day = { Day(Date()) }
    ) {
        self.store = store
        self.members = members
        self.policy = policy
        self.counter = TableCounter(vocabulary: vocabulary)
        self.runs = runs
        self.today = today
    }

    /// The tables of `period` (the quarterly tables for a quarter, all tables for a year).
    public func tables(for period: StatPeriod, session: Session) async throws -> [StatTable] {
        guard session.isLead, let officeID = session.officeID else { throw AccessError.notFound }
        guard period.isClosed(today: today()) else {
            throw FieldError.invalid(field: "period", message: "\(period) is not over yet; only closed quarters and years are released")
        }
        let specs = period.quarter == nil ? policy.tables : policy.tables(for: "quarterly")
        let dimensions = specs.reduce(into: [StatDimension]()) { all, spec in all += spec.dimensions.filter { !all.contains($0) } }
        let (facts, axes) = try await classifications(of: officeID, through: period, session: session, indexing: dimensions)
        let plain = TableCounter.PlainCounts(
            kurzkontakte: try await store.tallyCount(officeID: officeID, months: period.months),
            nichtKlassifiziert: try await store.unclassifiedReports(officeID: officeID, months: period.months))
        return counter.count(specs, facts: facts, axes: axes, plain: plain, period: period)
    }

    /// Every classification filed up to the period's last month, opened with the statistics
    /// key of its version. One filed under another taxonomy version is refused, not guessed.
    public func classifications(of officeID: EntityID, through period: StatPeriod, session: Session) async throws -> [CaseFacts] {
        try await classifications(of: officeID, through: period, session: session, indexing: []).facts
    }
}
