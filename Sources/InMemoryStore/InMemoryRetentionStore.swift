import Casework
import Foundation
import SichtbarCore

/// `RetentionStore` over the shared in-memory state: the plaintext the schedule reads, the
/// shredding in batches, the dropping of released years' orphaned classifications.
public struct InMemoryRetentionStore: RetentionStore {
    let database: InMemoryDatabase

    /// Cases per transaction, as the SQLite engine batches them.
    static let batch = 200

    /// Every case of every office, by id (SQLite's scan of the primary key).
    public func retentionCandidates() async throws -> [RetentionCandidate] {
        try database.read { state in state.cases.values.sorted { Binary.less($0.id, $1.id) }.map { $0.candidate() } }
    }

    /// Compare and delete: a case changed since it was read, or on hold, waits for the next run.
    public func shredForRetention(_ cases: [(candidate: RetentionCandidate, kind: RetentionKind)], at now: Date) async throws -> [EntityID]
    {
        var shredded: [EntityID] = []
        var start = 0
        while start < cases.count {
            let batch = Array(cases[start..<min(start + Self.batch, cases.count)])
            start += batch.count
            shredded += try database.write { state in
                var done: [EntityID] = []
                var events: [EntityID: [AuditEvent]] = [:]
                for (candidate, kind) in batch {
                    guard let file = state.cases[candidate.id], file.candidate() == candidate, !candidate.legalHold else { continue }
                    if file.mailbox != nil && candidate.classifiedOn == nil {
                        state.uncount(officeID: candidate.officeID, received: candidate.receivedOn)
                    }
                    state.deleteCase(candidate.id)
                    events[candidate.officeID, default: []].append(.member("system", kind.auditAction, candidate.id.hex, at: now))
                    done.append(candidate.id)
                }
                for (office, officeEvents) in events { database.audit(officeEvents, chain: office, &state) }
                return done
            }
        }
        return shredded
    }

    /// Whether a classification is an orphan of a year its office has released.
    static func isReleasedOrphan(_ row: FacetsRow, _ state: State) -> Bool {
        let year = String(row.month.prefix(4))
        return row.caseID == nil && state.releases.values.contains { $0.officeID == row.officeID && $0.period == year }
    }

    /// Per office and year, years in order (offices of one year by id, as SQLite groups them).
    public func releasedOrphanFacets() async throws -> [OrphanFacets] {
        try database.read { state in
            var counts: [MonthKey: Int] = [:]
            for row in state.facets.values where Self.isReleasedOrphan(row, state) {
                counts[MonthKey(officeID: row.officeID, month: String(row.month.prefix(4))), default: 0] += 1
            }
            return counts.sorted { lhs, rhs in
                lhs.key.month != rhs.key.month ? Binary.less(lhs.key.month, rhs.key.month) : Binary.less(lhs.key.officeID, rhs.key.officeID)
            }.compactMap { key, count in Int(key.month).map { OrphanFacets(officeID: key.officeID, year: $0, count: count) } }
        }
    }

    /// Drops them, remembering the year (its quarters cannot be released any more) and auditing
    /// each office's year that lost any.
    public func dropOrphanFacets(_ facets: [OrphanFacets], at now: Date) async throws -> Int {
        try database.write { state in
            var dropped = 0
            for item in facets {
                let year = String(item.year)
                let doomed = state.facets.values.filter {
                    $0.officeID == item.officeID && String($0.month.prefix(4)) == year && Self.isReleasedOrphan($0, state)
                }
                guard !doomed.isEmpty else { continue }
                for row in doomed { state.facets[row.id] = nil }
                dropped += doomed.count
                state.droppedYears.insert(MonthKey(officeID: item.officeID, month: year))
                database.audit(
                    [.member("system", .retentionFacetsDropped, "\(item.year): \(doomed.count)", at: now)], chain: item.officeID, &state)
            }
            return dropped
        }
    }
}
