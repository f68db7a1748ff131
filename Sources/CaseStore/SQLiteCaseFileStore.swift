import Casework
import Foundation
import GRDB
import Members
import Sealing
import SichtbarCore

/// `CaseFileStore` over SQLite: case files, their records, facets, assignees, covers and tallies.
public struct SQLiteCaseFileStore: SQLiteStore {
    public let context: SQLiteContext
    public init(_ context: SQLiteContext) { self.context = context }
}

extension SQLiteCaseFileStore: CaseFileStore {
    static let caseColumns = """
        c.id, c.office_id, c.kind, c.step, c.channel, c.received_on, c.next_due, c.closed_on, c.withdrawn_on, c.revision,
        c.office_key_version, c.sealed_keys, c.integrity, c.reporter_unread, c.legal_hold, EXISTS (SELECT 1 FROM mailbox m WHERE m.case_id = c.id) AS has_mailbox,
        (SELECT s.id FROM record s WHERE s.case_id = c.id AND s.kind = 'sheet') AS sheet_id,
        (SELECT s.key_version FROM record s WHERE s.case_id = c.id AND s.kind = 'sheet') AS sheet_version,
        (SELECT s.ciphertext FROM record s WHERE s.case_id = c.id AND s.kind = 'sheet') AS sheet_ciphertext
        """

    public func teamAccess(officeID: EntityID) async throws -> Bool {
        try await writer.read { db in
            try Bool.fetchOne(db, sql: "SELECT team_access FROM office WHERE id = ?", arguments: [officeID]) ?? false
        }
    }

    public func setTeamAccess(officeID: EntityID, open: Bool, audit event: AuditEvent) async throws {
        try await writer.write { db in
            try db.execute(sql: "UPDATE office SET team_access = ? WHERE id = ?", arguments: [open, officeID])
            guard db.changesCount == 1 else { throw CaseFileStoreError.notFound }
            try audit(event, chain: officeID, db)
        }
    }

    public func cases(_ query: CaseQuery) async throws -> [CaseFileRow] {
        if query.urgency != nil { return try await urgentCases(query) }
        return try await writer.read { db in
            let (conditions, order, arguments) = Self.clauses(of: query)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.caseColumns) FROM case_file c WHERE \(conditions) ORDER BY \(order) LIMIT ?
                    """, arguments: arguments + [max(1, min(query.limit, 1_000))])
            let assignees = try Self.assignees(of: rows.compactMap { $0.entityID("id") }, db)
            return rows.compactMap { Self.caseRow($0, assignees: assignees) }
        }
    }

    public func caseFile(id: EntityID, officeID: EntityID) async throws -> (CaseFileRow, [SealedRecord])? {
        try await writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT \(Self.caseColumns) FROM case_file c WHERE c.id = ? AND c.office_id = ?",
                    arguments: [id, officeID]),
                var file = Self.caseRow(row, assignees: try Self.assignees(of: [id], db))
            else { return nil }
            var pending: Set<EntityID> = []
            // Scans, letters and evidence files come without their bodies: SQLite reads a blob's overflow pages
            // only when the column is evaluated, and the CASE does not evaluate it for those kinds.
            let records = try Row.fetchAll(db, sql: Self.recordsWithoutBodies, arguments: [id]).compactMap {
                record -> SealedRecord? in
                guard let recordID = record.entityID("id"),
                    let kind = RecordKind(rawValue: record["kind"])
                else { return nil }
                if record["pending"] as Bool { pending.insert(recordID) }
                return SealedRecord(
                    id: recordID, caseID: id, kind: kind, keyVersion: UInt32(record["key_version"] as Int64),
                    ciphertext: [UInt8](record["ciphertext"] as Data))
            }
            file.pendingRecords = pending
            return (file, records)
        }
    }

    static let recordsWithoutBodies = """
        SELECT id, kind, key_version, pending, CASE WHEN kind IN ('document_file', 'letter', 'reporter_file') THEN X'' ELSE ciphertext END AS ciphertext
        FROM record WHERE case_id = ? AND kind != 'sheet'
        """

    public func record(id: EntityID, caseID: EntityID, officeID: EntityID) async throws -> SealedRecord? {
        try await writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT r.kind, r.key_version, r.ciphertext FROM record r JOIN case_file c ON c.id = r.case_id
                        WHERE r.id = ? AND r.case_id = ? AND c.office_id = ?
                        """, arguments: [id, caseID, officeID]),
                let kind = RecordKind(rawValue: row["kind"])
            else { return nil }
            return SealedRecord(
                id: id, caseID: caseID, kind: kind, keyVersion: UInt32(row["key_version"] as Int64),
                ciphertext: [UInt8](row["ciphertext"] as Data))
        }
    }

    static func caseRow(_ row: Row, assignees: [EntityID: [CaseAssignment]]) -> CaseFileRow? {
        guard let id = row.entityID("id"),
            let officeID = row.entityID("office_id"),
            let received = Day(iso: row["received_on"])
        else { return nil }
        var sheet: SealedRecord?
        if let sheetID = row.entityID("sheet_id"),
            let ciphertext = row["sheet_ciphertext"] as Data?
        {
            sheet = SealedRecord(
                id: sheetID, caseID: id, kind: .sheet, keyVersion: UInt32(row["sheet_version"] as Int64? ?? 1),
                ciphertext: [UInt8](ciphertext))
        }
        var file = CaseFileRow(
            id: id, officeID: officeID, kind: row["kind"], step: row["step"], channel: row["channel"], receivedOn: received,
            nextDue: row.day("next_due"),
            closedOn: row.day("closed_on"),
            withdrawnOn: row.day("withdrawn_on"),
            revision: row["revision"],
            keys: SealedCaseKeys(
                caseID: id, keyVersion: UInt32(row["office_key_version"] as Int64),
                sealed: [UInt8](row["sealed_keys"] as Data)),
            hasMailbox: row["has_mailbox"], assignees: assignees[id] ?? [], sheet: sheet,
            authenticator: (row["integrity"] as Data?).map { [UInt8]($0) })
        file.reporterUnread = row["reporter_unread"] as Bool? ?? false
        file.legalHold = row["legal_hold"] as Bool? ?? false
        return file
    }

    public func markReporterRead(caseID: EntityID, officeID: EntityID, audit: AuditEvent) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE case_file SET reporter_unread = 0 WHERE id = ? AND office_id = ?",
                arguments: [caseID, officeID])
            guard db.changesCount == 1 else { throw CaseFileStoreError.notFound }
            try self.audit([audit], chain: officeID, db)
        }
    }

    public func covers(officeID: EntityID) async throws -> [MemberCover] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT v.absent_id, a.username AS absent, v.cover_id, c.username AS cover, v.from_day, v.until_day
                    FROM member_cover v JOIN member a ON a.id = v.absent_id JOIN member c ON c.id = v.cover_id
                    WHERE v.office_id = ? ORDER BY a.username
                    """, arguments: [officeID]
            ).compactMap { row in
                guard let absentID = row.entityID("absent_id"),
                    let coverID = row.entityID("cover_id"),
                    let from = Day(iso: row["from_day"]), let until = Day(iso: row["until_day"])
                else { return nil }
                return MemberCover(
                    absentID: absentID, absent: row["absent"], coverID: coverID, cover: row["cover"], from: from, until: until)
            }
        }
    }

    public func setCover(_ cover: MemberCover, officeID: EntityID, audit: AuditEvent) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO member_cover (absent_id, office_id, cover_id, from_day, until_day) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (absent_id) DO UPDATE SET cover_id = excluded.cover_id, from_day = excluded.from_day, until_day = excluded.until_day
                    """,
                arguments: [cover.absentID, officeID, cover.coverID, cover.from.iso, cover.until.iso])
            try self.audit([audit], chain: officeID, db)
        }
    }

    public func endCover(absentID: EntityID, officeID: EntityID, audit: AuditEvent) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "DELETE FROM member_cover WHERE absent_id = ? AND office_id = ?",
                arguments: [absentID, officeID])
            guard db.changesCount == 1 else { throw CaseFileStoreError.notFound }
            try self.audit([audit], chain: officeID, db)
        }
    }

    public func countCases(_ query: CaseQuery) async throws -> Int {
        try await writer.read { db in
            // The count is of the whole list: the cursor only pages it.
            var whole = query
            whole.after = nil
            let (conditions, _, arguments) = Self.clauses(of: whole)
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM case_file c WHERE \(conditions)", arguments: arguments) ?? 0
        }
    }

    static func assignees(of ids: [EntityID], _ db: Database) throws -> [EntityID: [CaseAssignment]] {
        guard !ids.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        var result: [EntityID: [CaseAssignment]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT a.case_id, a.member_id, a.role, m.username FROM case_assignee a JOIN member m ON m.id = a.member_id
                WHERE a.case_id IN (\(marks)) ORDER BY a.role, m.username
                """, arguments: StatementArguments(ids))
        {
            guard let caseID = row.entityID("case_id"),
                let memberID = row.entityID("member_id"),
                let role = CaseAssignment.Role(rawValue: row["role"])
            else { continue }
            result[caseID, default: []].append(CaseAssignment(memberID: memberID, username: row["username"], role: role))
        }
        return result
    }
}
