import Casework
import Foundation
import GRDB
import Sealing
import SichtbarCore

/// `RetentionStore` over SQLite.
public struct SQLiteRetentionStore: SQLiteStore {
    public let context: SQLiteContext
    public init(_ context: SQLiteContext) { self.context = context }
}

/// Retention over SQLite: reads the plaintext dates, shreds in batches with one audit event per
/// case, truncates the WAL once, and drops the classifications of deleted cases in released years.
extension SQLiteRetentionStore: RetentionStore {
    /// Cases per write transaction: intake waits for the writer at most this long.
    static let retentionBatch = 200

    public func retentionCandidates() async throws -> [RetentionCandidate] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, office_id, kind, step, received_on, classified_on, closed_on, deletion_requested_on, legal_hold FROM case_file
                    """
            ).compactMap(Self.candidate)
        }
    }

    static func candidate(_ row: Row) -> RetentionCandidate? {
        guard let id = row.entityID("id"), let office = row.entityID("office_id"),
            let received = Day(iso: row["received_on"])
        else { return nil }
        return RetentionCandidate(
            id: id, officeID: office, kind: row["kind"], step: row["step"], receivedOn: received,
            classifiedOn: row.day("classified_on"),
            closedOn: row.day("closed_on"),
            deletionRequestedOn: row.day("deletion_requested_on"),
            legalHold: row["legal_hold"])
    }

    public func shredForRetention(_ cases: [(candidate: RetentionCandidate, kind: RetentionKind)], at now: Date) async throws -> [EntityID]
    {
        var shredded: [EntityID] = []
        var start = 0
        while start < cases.count {
            let batch = Array(cases[start..<min(start + Self.retentionBatch, cases.count)])
            start += batch.count
            shredded += try await writer.write { db in
                var done: [EntityID] = []
                var events: [EntityID: [AuditEvent]] = [:]
                for (candidate, kind) in batch {
                    let caseData = candidate.id
                    // Compare and delete: a case a counsellor changed since it was read waits for the next run.
                    guard
                        let row = try Row.fetchOne(
                            db,
                            sql: """
                                SELECT id, office_id, kind, step, received_on, classified_on, closed_on, deletion_requested_on, legal_hold,
                                       EXISTS (SELECT 1 FROM mailbox WHERE case_id = ?1) AS intake
                                FROM case_file WHERE id = ?1
                                """, arguments: [caseData]), Self.candidate(row) == candidate, !candidate.legalHold
                    else { continue }
                    if row["intake"] as Bool && candidate.classifiedOn == nil {
                        try db.execute(
                            sql: "UPDATE intake_month SET unclassified = max(unclassified - 1, 0) WHERE office_id = ? AND month = ?",
                            arguments: [candidate.officeID, String(candidate.receivedOn.iso.prefix(7))])
                    }
                    try SQLiteCaseFileStore.deleteCase(caseData, db)
                    events[candidate.officeID, default: []].append(.member("system", kind.auditAction, candidate.id.hex, at: now))
                    done.append(candidate.id)
                }
                for (office, officeEvents) in events {
                    try audit(officeEvents, chain: office, db)
                }
                return done
            }
        }
        if !shredded.isEmpty { await database.checkpoint() }
        return shredded
    }

    static let orphanFacets = """
        f.case_id IS NULL AND EXISTS (SELECT 1 FROM stat_release r WHERE r.office_id = f.office_id AND r.period = substr(f.month, 1, 4))
        """

    public func releasedOrphanFacets() async throws -> [OrphanFacets] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT f.office_id, substr(f.month, 1, 4) AS year, count(*) AS n FROM case_facets f
                    WHERE \(Self.orphanFacets) GROUP BY f.office_id, year ORDER BY year
                    """
            ).compactMap { row in
                guard let office = row.entityID("office_id"), let year = Int(row["year"] as String) else {
                    return nil
                }
                return OrphanFacets(officeID: office, year: year, count: row["n"])
            }
        }
    }

    public func dropOrphanFacets(_ facets: [OrphanFacets], at now: Date) async throws -> Int {
        let dropped = try await writer.write { db in
            var dropped = 0
            for item in facets {
                let office = item.officeID
                try db.execute(
                    sql: "DELETE FROM case_facets AS f WHERE f.office_id = ? AND substr(f.month, 1, 4) = ? AND \(Self.orphanFacets)",
                    arguments: [office, String(item.year)])
                let count = db.changesCount
                guard count > 0 else { continue }
                dropped += count
                try db.execute(
                    sql: "INSERT OR IGNORE INTO retention_dropped_year (office_id, year) VALUES (?, ?)",
                    arguments: [office, String(item.year)])
                try AuditLog.append(
                    [.member("system", .retentionFacetsDropped, "\(item.year): \(count)", at: now)],
                    chain: item.officeID, signer: signer, today: today(), db)
            }
            return dropped
        }
        if dropped > 0 { await database.checkpoint() }
        return dropped
    }
}
