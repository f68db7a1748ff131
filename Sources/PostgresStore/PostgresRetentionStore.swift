import Casework
import Foundation
import Sealing
import SichtbarCore

/// `RetentionStore` over PostgreSQL: reads the plaintext dates, shreds in batches with one audit
/// event per case, and drops the classifications of deleted cases in released years.
public struct PostgresRetentionStore: PostgresBacked {
    public let context: PostgresContext
    public init(_ context: PostgresContext) { self.context = context }
}

extension PostgresRetentionStore: RetentionStore {
    /// Cases per write transaction: intake and casework wait for the locks at most this long.
    static let retentionBatch = 200

    public func retentionCandidates() async throws -> [RetentionCandidate] {
        try await database.read { session in
            try await session.rows(
                """
                SELECT id, office_id, kind, step, received_on, classified_on, closed_on, deletion_requested_on, legal_hold
                FROM case_file ORDER BY id
                """
            ).compactMap(Self.candidate)
        }
    }

    static func candidate(_ row: PostgresColumns) throws -> RetentionCandidate? {
        guard let id = row.id("id"), let office = row.id("office_id"), let received = row.day("received_on") else { return nil }
        return RetentionCandidate(
            id: id, officeID: office, kind: try row.string("kind"), step: try row.string("step"), receivedOn: received,
            classifiedOn: row.day("classified_on"), closedOn: row.day("closed_on"), deletionRequestedOn: row.day("deletion_requested_on"),
            legalHold: try row.bool("legal_hold"))
    }

    public func shredForRetention(_ cases: [(candidate: RetentionCandidate, kind: RetentionKind)], at now: Date) async throws -> [EntityID]
    {
        var shredded: [EntityID] = []
        var start = 0
        while start < cases.count {
            let batch = Array(cases[start..<min(start + Self.retentionBatch, cases.count)])
            start += batch.count
            shredded += try await database.write { session in
                var done: [EntityID] = []
                var events: [EntityID: [AuditEvent]] = [:]
                for (candidate, kind) in batch {
                    // Compare and delete: a case a counsellor changed since it was read waits for the next run.
                    guard
                        let row = try await session.one(
                            """
                            SELECT id, office_id, kind, step, received_on, classified_on, closed_on, deletion_requested_on, legal_hold,
                                   EXISTS (SELECT 1 FROM mailbox WHERE case_id = \(candidate.id)) AS intake
                            FROM case_file WHERE id = \(candidate.id) FOR UPDATE
                            """),
                        try Self.candidate(row) == candidate, !candidate.legalHold
                    else { continue }
                    if try row.bool("intake"), candidate.classifiedOn == nil {
                        try await PostgresCaseFileStore.uncount(officeID: candidate.officeID, received: candidate.receivedOn.iso, session)
                    }
                    try await PostgresCaseFileStore.deleteCase(candidate.id, session)
                    events[candidate.officeID, default: []].append(.member("system", kind.auditAction, candidate.id.hex, at: now))
                    done.append(candidate.id)
                }
                // Chains in one order in every transaction that appends to several.
                for (office, officeEvents) in events.sorted(by: { $0.key.precedes($1.key) }) {
                    try await self.audit(officeEvents, chain: office, session)
                }
                return done
            }
        }
        return shredded
    }

    /// Classifications whose case is gone, in a year the office has released.
    static let orphanFacets = """
        f.case_id IS NULL AND EXISTS (SELECT 1 FROM stat_release r WHERE r.office_id = f.office_id AND r.period = substr(f.month, 1, 4))
        """

    public func releasedOrphanFacets() async throws -> [OrphanFacets] {
        try await database.read { session in
            try await session.rows(
                """
                SELECT f.office_id, substr(f.month, 1, 4) AS year, count(*) AS n FROM case_facets f
                WHERE \(unescaped: Self.orphanFacets) GROUP BY f.office_id, year ORDER BY year, f.office_id
                """
            ).compactMap { row in
                guard let office = row.id("office_id"), let year = Int(try row.string("year")) else { return nil }
                return OrphanFacets(officeID: office, year: year, count: try row.int("n"))
            }
        }
    }

    public func dropOrphanFacets(_ facets: [OrphanFacets], at now: Date) async throws -> Int {
        try await database.write { session in
            var dropped = 0
            for item in facets {
                let year = String(item.year)
                let count = try await session.changes(
                    """
                    DELETE FROM case_facets AS f WHERE f.office_id = \(item.officeID) AND substr(f.month, 1, 4) = \(year)
                        AND \(unescaped: Self.orphanFacets)
                    RETURNING 1
                    """)
                guard count > 0 else { continue }
                dropped += count
                try await session.execute(
                    "INSERT INTO retention_dropped_year (office_id, year) VALUES (\(item.officeID), \(year)) ON CONFLICT DO NOTHING")
                try await self.audit(
                    [.member("system", .retentionFacetsDropped, "\(item.year): \(count)", at: now)], chain: item.officeID, session)
            }
            return dropped
        }
    }
}
