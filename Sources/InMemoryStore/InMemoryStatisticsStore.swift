import Casework
import SichtbarCore
import Statistics

/// `StatisticsStore` over the shared in-memory state: sealed classifications and plaintext counts.
public struct InMemoryStatisticsStore: StatisticsStore {
    let database: InMemoryDatabase

    /// Up to `lastMonth`, shredded cases' classifications included, by month then id.
    public func sealedFacets(officeID: EntityID, through lastMonth: String) async throws -> [SealedFacets] {
        try database.read { state in
            state.facets.values.filter { $0.officeID == officeID && !Binary.less(lastMonth, $0.month) }.sorted {
                $0.month != $1.month ? Binary.less($0.month, $1.month) : Binary.less($0.id, $1.id)
            }.map { SealedFacets(id: $0.id, month: $0.month, keyVersion: $0.keyVersion, ciphertext: $0.ciphertext) }
        }
    }

    /// Each month counted once however often it is named (`IN`).
    public func unclassifiedReports(officeID: EntityID, months: [String]) async throws -> Int {
        try database.read { state in
            Set(months).reduce(0) { sum, month in sum + (state.intakeMonths[MonthKey(officeID: officeID, month: month)] ?? 0) }
        }
    }

    public func tallyCount(officeID: EntityID, months: [String]) async throws -> Int {
        let wanted = Set(months)
        return try database.read { state in state.tallies.count { $0.officeID == officeID && wanted.contains($0.tally.month) } }
    }
}
