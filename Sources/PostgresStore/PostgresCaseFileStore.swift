import Casework
import Foundation
import Members
import PostgresNIO
import Sealing
import SichtbarCore

/// `CaseFileStore` over PostgreSQL: case files, their records, facets, assignees, covers and tallies.
public struct PostgresCaseFileStore: PostgresBacked {
    public let context: PostgresContext
    public init(_ context: PostgresContext) { self.context = context }
}

extension PostgresCaseFileStore: CaseFileStore {
    static let caseColumns = """
        c.id, c.office_id, c.kind, c.step, c.channel, c.received_on, c.next_due, c.closed_on, c.withdrawn_on, c.revision,
        c.office_key_version, c.sealed_keys, c.integrity, c.reporter_unread, c.legal_hold,
        EXISTS (SELECT 1 FROM mailbox m WHERE m.case_id = c.id) AS has_mailbox,
        s.id AS sheet_id, s.key_version AS sheet_version, s.ciphertext AS sheet_ciphertext
        """

    /// The sheet beside each case: at most one record of kind `sheet` per case.
    static let sheetJoin = "LEFT JOIN record s ON s.case_id = c.id AND s.kind = 'sheet'"

    public func teamAccess(officeID: EntityID) async throws -> Bool {
        try await database.read { session in
            try await session.one("SELECT team_access FROM office WHERE id = \(officeID)")?.bool(0) ?? false
        }
    }

    public func setTeamAccess(officeID: EntityID, open: Bool, audit event: AuditEvent) async throws {
        try await database.write { session in
            guard try await session.changes("UPDATE office SET team_access = \(open) WHERE id = \(officeID) RETURNING 1") == 1 else {
                throw CaseFileStoreError.notFound
            }
            try await audit(event, chain: officeID, session)
        }
    }

    public func cases(_ query: CaseQuery) async throws -> [CaseFileRow] {
        if query.urgency != nil { return try await urgentCases(query) }
        var builder = SQLBuilder()
        let (conditions, order) = Self.clauses(of: query, &builder)
        let limit = builder.bind(max(1, min(query.limit, 1_000)))
        let statement = builder.query(
            "SELECT \(Self.caseColumns) FROM case_file c \(Self.sheetJoin) WHERE \(conditions) ORDER BY \(order) LIMIT \(limit)")
        return try await database.read { session in
            let rows = try await session.rows(statement)
            let assignees = try await Self.assignees(of: rows.compactMap { $0.id("id") }, session)
            return try rows.compactMap { try Self.caseRow($0, assignees: assignees) }
        }
    }

    public func caseFile(id: EntityID, officeID: EntityID) async throws -> (CaseFileRow, [SealedRecord])? {
        try await database.read { session -> CaseFileOpened? in
            guard
                let row = try await session.one(
                    "SELECT \(unescaped: Self.caseColumns) FROM case_file c \(unescaped: Self.sheetJoin) WHERE c.id = \(id) AND c.office_id = \(officeID)"
                ),
                var file = try Self.caseRow(row, assignees: try await Self.assignees(of: [id], session))
            else { return nil }
            var pending: Set<EntityID> = []
            // Scans, letters and evidence files come without their bodies: PostgreSQL reads an
            // out-of-line value only when the column is produced, and the CASE does not produce it for those kinds.
            let records = try await session.rows(
                """
                SELECT id, kind, key_version, pending,
                       CASE WHEN kind IN ('document_file', 'letter', 'reporter_file') THEN ''::bytea ELSE ciphertext END AS ciphertext
                FROM record WHERE case_id = \(id) AND kind <> 'sheet' ORDER BY kind, id
                """
            ).compactMap { record -> SealedRecord? in
                guard let recordID = record.id("id"), let kind = RecordKind(rawValue: try record.string("kind")) else { return nil }
                if try record.bool("pending") { pending.insert(recordID) }
                return SealedRecord(
                    id: recordID, caseID: id, kind: kind, keyVersion: UInt32(try record.int("key_version")),
                    ciphertext: try record.bytes("ciphertext"))
            }
            file.pendingRecords = pending
            return CaseFileOpened(row: file, records: records)
        }.map { ($0.row, $0.records) }
    }

    public func record(id: EntityID, caseID: EntityID, officeID: EntityID) async throws -> SealedRecord? {
        try await database.read { session in
            guard
                let row = try await session.one(
                    """
                    SELECT r.kind, r.key_version, r.ciphertext FROM record r JOIN case_file c ON c.id = r.case_id
                    WHERE r.id = \(id) AND r.case_id = \(caseID) AND c.office_id = \(officeID)
                    """),
                let kind = RecordKind(rawValue: try row.string("kind"))
            else { return nil }
            return SealedRecord(
                id: id, caseID: caseID, kind: kind, keyVersion: UInt32(try row.int("key_version")), ciphertext: try row.bytes("ciphertext"))
        }
    }

    static func caseRow(_ row: PostgresColumns, assignees: [EntityID: [CaseAssignment]]) throws -> CaseFileRow? {
        guard let id = row.id("id"), let officeID = row.id("office_id"), let received = row.day("received_on") else { return nil }
        var sheet: SealedRecord?
        if let sheetID = row.id("sheet_id"), let ciphertext = try row.optionalBytes("sheet_ciphertext") {
            sheet = SealedRecord(
                id: sheetID, caseID: id, kind: .sheet, keyVersion: UInt32(try row.optionalInt("sheet_version") ?? 1), ciphertext: ciphertext
            )
        }
        var file = CaseFileRow(
            id: id, officeID: officeID, kind: try row.string("kind"), step: try row.string("step"), channel: try row.string("channel"),
            receivedOn: received, nextDue: row.day("next_due"), closedOn: row.day("closed_on"), withdrawnOn: row.day("withdrawn_on"),
            revision: try row.int("revision"),
            keys: SealedCaseKeys(caseID: id, keyVersion: UInt32(try row.int("office_key_version")), sealed: try row.bytes("sealed_keys")),
            hasMailbox: try row.bool("has_mailbox"), assignees: assignees[id] ?? [], sheet: sheet,
            authenticator: try row.optionalBytes("integrity"))
        file.reporterUnread = try row.bool("reporter_unread")
        file.legalHold = try row.bool("legal_hold")
        return file
    }

    public func markReporterRead(caseID: EntityID, officeID: EntityID, audit: AuditEvent) async throws {
        try await database.write { session in
            let changed = try await session.changes(
                "UPDATE case_file SET reporter_unread = false WHERE id = \(caseID) AND office_id = \(officeID) RETURNING 1")
            guard changed == 1 else { throw CaseFileStoreError.notFound }
            try await self.audit([audit], chain: officeID, session)
        }
    }

    public func covers(officeID: EntityID) async throws -> [MemberCover] {
        try await database.read { session in
            try await session.rows(
                """
                SELECT v.absent_id, a.username AS absent, v.cover_id, c.username AS cover, v.from_day, v.until_day
                FROM member_cover v JOIN member a ON a.id = v.absent_id JOIN member c ON c.id = v.cover_id
                WHERE v.office_id = \(officeID) ORDER BY a.username
                """
            ).compactMap { row in
                guard let absentID = row.id("absent_id"), let coverID = row.id("cover_id"), let from = row.day("from_day"),
                    let until = row.day("until_day")
                else { return nil }
                return MemberCover(
                    absentID: absentID, absent: try row.string("absent"), coverID: coverID, cover: try row.string("cover"), from: from,
                    until: until)
            }
        }
    }

    public func setCover(_ cover: MemberCover, officeID: EntityID, audit: AuditEvent) async throws {
        try await database.write { session in
            try await session.execute(
                """
                INSERT INTO member_cover (absent_id, office_id, cover_id, from_day, until_day)
                VALUES (\(cover.absentID), \(officeID), \(cover.coverID), \(cover.from), \(cover.until))
                ON CONFLICT (absent_id) DO UPDATE SET cover_id = excluded.cover_id, from_day = excluded.from_day, until_day = excluded.until_day
                """)
            try await self.audit([audit], chain: officeID, session)
        }
    }

    public func endCover(absentID: EntityID, officeID: EntityID, audit: AuditEvent) async throws {
        try await database.write { session in
            let ended = try await session.changes(
                "DELETE FROM member_cover WHERE absent_id = \(absentID) AND office_id = \(officeID) RETURNING 1")
            guard ended == 1 else { throw CaseFileStoreError.notFound }
            try await self.audit([audit], chain: officeID, session)
        }
    }

    public func countCases(_ query: CaseQuery) async throws -> Int {
        // The count is of the whole list: the cursor only pages it.
        var whole = query
        whole.after = nil
        var builder = SQLBuilder()
        let (conditions, _) = Self.clauses(of: whole, &builder)
        let statement = builder.query("SELECT count(*) FROM case_file c WHERE \(conditions)")
        return try await database.read { session in try await session.count(statement) }
    }

    /// Assignees by case, by role and then username (as SQLite lists them).
    static func assignees(of ids: [EntityID], _ session: PostgresSession) async throws -> [EntityID: [CaseAssignment]] {
        guard !ids.isEmpty else { return [:] }
        var result: [EntityID: [CaseAssignment]] = [:]
        for row in try await session.rows(
            """
            SELECT a.case_id, a.member_id, a.role, m.username FROM case_assignee a JOIN member m ON m.id = a.member_id
            WHERE a.case_id = ANY(\(ids: ids)) ORDER BY a.role, m.username
            """)
        {
            guard let caseID = row.id("case_id"), let memberID = row.id("member_id"),
                let role = CaseAssignment.Role(rawValue: try row.string("role"))
            else { continue }
            result[caseID, default: []].append(CaseAssignment(memberID: memberID, username: try row.string("username"), role: role))
        }
        return result
    }
}
