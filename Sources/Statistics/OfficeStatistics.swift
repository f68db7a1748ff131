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
    let today: @Sendable () -> Day

    public init(
        store: any StatisticsStore, members: any MemberStore, policy: StatisticsPolicy, vocabulary: StatVocabulary,
        today: @escaping @Sendable () -> Day = { Day(Date()) }
    ) {
        self.store = store
        self.members = members
        self.policy = policy
        self.counter = TableCounter(vocabulary: vocabulary)
        self.today = today
    }

    /// The tables of `period` (the quarterly tables for a quarter, all tables for a year).
    public func tables(for period: StatPeriod, session: Session) async throws -> [StatTable] {
        guard session.isLead, let officeID = session.officeID else { throw AccessError.notFound }
        guard period.isClosed(today: today()) else {
            throw FieldError.invalid(field: "period", message: "\(period) is not over yet; only closed quarters and years are released")
        }
        let facts = try await classifications(of: officeID, through: period, session: session)
        let plain = TableCounter.PlainCounts(
            kurzkontakte: try await store.tallyCount(officeID: officeID, months: period.months),
            nichtKlassifiziert: try await store.unclassifiedReports(officeID: officeID, months: period.months))
        let specs = period.quarter == nil ? policy.tables : policy.tables(for: "quarterly")
        return counter.count(specs, facts: facts, plain: plain, period: period)
    }

    /// Every classification filed up to the period's last month, opened with the statistics
    /// key of its version. One filed under another taxonomy version is refused, not guessed.
    public func classifications(of officeID: EntityID, through period: StatPeriod, session: Session) async throws -> [CaseFacts] {
        guard let lastMonth = period.months.last else { return [] }
        let sealed = try await store.sealedFacets(officeID: officeID, through: lastMonth)
        // The newest secrets hold the statistics keys of every version before them.
        guard let office = try await members.office(id: officeID) else { throw AccessError.notFound }
        let secrets = try await session.officeSecrets(version: office.keyVersion, store: members)
        let facts = try await ParallelRuns.map(sealed, minimumRun: 256) { sealed -> CaseFacts in
            guard let key = secrets.statisticsKey(version: sealed.keyVersion) else { throw AccessError.keysUnavailable }
            return try FacetCodec.open(sealed, officeID: officeID, key: key)
        }
        let version = counter.vocabulary.taxonomy.version
        let foreign = facts.filter { $0.taxonomy != version }
        if let first = foreign.first {
            throw FieldError.invalid(
                field: "taxonomy",
                message: "\(foreign.count) classifications use taxonomy version \(first.taxonomy), "
                    + "and no mapping to version \(version) exists")
        }
        return facts
    }
}
