import Casework
import Foundation
import PostgresNIO
import Sealing
import SichtbarCore
import Workflow

extension PostgresCaseFileStore {
    public func create(_ file: NewCaseFile) async throws {
        try await database.write { session in
            try await session.execute(
                """
                INSERT INTO case_file (id, office_id, office_key_version, sealed_keys, kind, step, channel, received_on, next_due,
                                       closed_on, touched, intake_audited, sealed_to, integrity)
                VALUES (\(file.id), \(file.officeID), \(Int(file.keyVersion)), \(bytes: file.sealedKeys), \(file.kind), \(file.step),
                        \(file.channel), \(file.receivedOn), \(file.nextDue), \(file.closedOn), true, true, \(bytes: file.sealedTo),
                        \(bytes: file.authenticator))
                """)
            try await PostgresReportStore.insert(file.records, pending: false, session)
            try await Self.replaceAssignees(file.assignees, of: file.id, session)
            try await audit(file.audit, chain: file.officeID, session)
        }
    }

    public func update(_ update: CaseUpdate) async throws {
        let today = today()
        try await database.write { session in
            // The revision (and authenticator) check and the write in one statement: a change made meanwhile wins.
            let changed = try await session.changes(
                """
                UPDATE case_file SET kind = \(update.kind), step = \(update.step), next_due = \(update.nextDue), closed_on = \(update.closedOn),
                    revision = revision + 1, touched = true, integrity = coalesce(\(bytes: update.authenticator)::bytea, integrity),
                    deletion_requested_on = CASE WHEN \(update.step)::text = \(WorkflowPolicy.deletionRequestedStep)::text
                                                 THEN coalesce(deletion_requested_on, \(today)) END
                WHERE id = \(update.id) AND office_id = \(update.officeID) AND revision = \(update.expectedRevision)
                    AND integrity IS NOT DISTINCT FROM \(bytes: update.expectedAuthenticator)::bytea
                RETURNING 1
                """)
            guard changed == 1 else {
                let exists = try await session.one("SELECT 1 FROM case_file WHERE id = \(update.id) AND office_id = \(update.officeID)")
                throw exists == nil ? CaseFileStoreError.notFound : CaseFileStoreError.conflict
            }
            if let sheet = update.sheet {
                try await session.execute("DELETE FROM record WHERE case_id = \(update.id) AND kind = 'sheet'")
                try await PostgresReportStore.insert([sheet], pending: false, session)
            }
            try await PostgresReportStore.insert(update.records, pending: false, session)
            if !update.removedRecords.isEmpty {
                try await session.execute(
                    "DELETE FROM record WHERE id = ANY(\(ids: update.removedRecords)) AND case_id = \(update.id) AND kind <> 'sheet'")
            }
            try await Self.writeIntegrity(
                caseID: update.id, folded: update.folded, sealedKeys: update.sealedKeys, keyVersion: update.keyVersion, session)
            if let assignees = update.assignees { try await Self.replaceAssignees(assignees, of: update.id, session) }
            if let facets = update.facets {
                try await Self.replaceFacets(facets, of: update.id, officeID: update.officeID, session)
                // The first classification starts a Meldung's retention; a later one does not move it.
                try await session.execute("UPDATE case_file SET classified_on = coalesce(classified_on, \(today)) WHERE id = \(update.id)")
            }
            try await audit(update.audit, chain: update.officeID, session)
        }
    }

    public func sealIntegrity(_ seal: CaseIntegritySeal) async throws -> Bool {
        try await database.write { session in
            let changed = try await session.changes(
                """
                UPDATE case_file SET integrity = \(bytes: seal.authenticator)
                WHERE id = \(seal.caseID) AND office_id = \(seal.officeID) AND revision = \(seal.expectedRevision)
                    AND integrity IS NOT DISTINCT FROM \(bytes: seal.expectedAuthenticator)::bytea
                RETURNING 1
                """)
            guard changed == 1 else { return false }
            if let sheet = seal.sheet {
                try await session.execute("DELETE FROM record WHERE case_id = \(seal.caseID) AND kind = 'sheet'")
                try await PostgresReportStore.insert([sheet], pending: false, session)
            }
            try await Self.writeIntegrity(
                caseID: seal.caseID, folded: seal.folded, sealedKeys: seal.sealedKeys, keyVersion: seal.keyVersion, session)
            return true
        }
    }

    /// Marks folded reporter records as covered, and writes keys sealed again with the
    /// authenticator marker while the case is still on the key version they were opened with.
    static func writeIntegrity(caseID: EntityID, folded: [EntityID], sealedKeys: [UInt8]?, keyVersion: UInt32, _ session: PostgresSession)
        async throws
    {
        if !folded.isEmpty {
            try await session.execute("UPDATE record SET pending = false WHERE id = ANY(\(ids: folded)) AND case_id = \(caseID)")
        }
        if let sealedKeys {
            try await session.execute(
                """
                UPDATE case_file SET sealed_keys = \(bytes: sealedKeys) WHERE id = \(caseID) AND office_key_version = \(Int(keyVersion))
                """)
        }
    }

    public func shred(id: EntityID, officeID: EntityID, expectedRevision: Int, audit events: [AuditEvent]) async throws {
        try await database.write { session in
            guard
                let row = try await session.one(
                    """
                    SELECT revision, received_on, EXISTS (SELECT 1 FROM mailbox WHERE case_id = \(id)) AS intake,
                           EXISTS (SELECT 1 FROM case_facets WHERE case_id = \(id)) AS classified
                    FROM case_file WHERE id = \(id) AND office_id = \(officeID) FOR UPDATE
                    """)
            else { throw CaseFileStoreError.notFound }
            guard try row.int("revision") == expectedRevision else { throw CaseFileStoreError.conflict }
            // A report counted as unclassified leaves that count; a classification stays, unlinked.
            if try row.bool("intake"), !(try row.bool("classified")) {
                try await Self.uncount(officeID: officeID, received: try row.string("received_on"), session)
            }
            try await Self.deleteCase(id, session)
            try await audit(events, chain: officeID, session)
        }
    }

    /// Deletes a case's keys, records and mailbox (assignees cascade; the classification stays,
    /// unlinked).
    static func deleteCase(_ caseID: EntityID, _ session: PostgresSession) async throws {
        try await session.execute("DELETE FROM record WHERE case_id = \(caseID)")
        try await session.execute("DELETE FROM mailbox WHERE case_id = \(caseID)")
        try await session.execute("DELETE FROM case_file WHERE id = \(caseID)")
    }

    /// A report leaves its month's count of unclassified reports.
    static func uncount(officeID: EntityID, received: String, _ session: PostgresSession) async throws {
        try await session.execute(
            """
            UPDATE intake_month SET unclassified = greatest(unclassified - 1, 0) WHERE office_id = \(officeID) AND month = \(String(received.prefix(7)))
            """)
    }

    public func recordTally(_ tally: ContactTally, officeID: EntityID, audit event: AuditEvent) async throws {
        try await database.write { session in
            try await session.execute(
                """
                INSERT INTO contact_tally (id, office_id, month, channel, ground, referral)
                VALUES (\(EntityID.random()), \(officeID), \(tally.month), \(tally.channel), \(tally.ground), \(tally.referral))
                """)
            try await audit(event, chain: officeID, session)
        }
    }

    public func tallies(officeID: EntityID) async throws -> [(month: String, count: Int)] {
        let rows = try await database.read { session in
            try await session.rows(
                "SELECT month, count(*) AS n FROM contact_tally WHERE office_id = \(officeID) GROUP BY month ORDER BY month"
            ).map { TallyCount(month: try $0.string("month"), count: try $0.int("n")) }
        }
        return rows.map { ($0.month, $0.count) }
    }

    static func replaceAssignees(_ assignees: [CaseAssignment], of caseID: EntityID, _ session: PostgresSession) async throws {
        try await session.execute("DELETE FROM case_assignee WHERE case_id = \(caseID)")
        guard !assignees.isEmpty else { return }
        try await session.execute(
            """
            INSERT INTO case_assignee (case_id, member_id, role)
            SELECT \(caseID), * FROM unnest(\(assignees.map { ByteBuffer(bytes: $0.memberID.bytes) })::bytea[],
                                             \(assignees.map(\.role.rawValue))::text[])
            """)
    }

    /// The first classification of a report moves it out of the unclassified count.
    static func replaceFacets(_ facets: SealedFacets, of caseID: EntityID, officeID: EntityID, _ session: PostgresSession) async throws {
        let first = try await session.one("SELECT 1 FROM case_facets WHERE case_id = \(caseID)") == nil
        if first,
            let intake = try await session.one(
                """
                SELECT c.received_on FROM case_file c WHERE c.id = \(caseID) AND EXISTS (SELECT 1 FROM mailbox m WHERE m.case_id = c.id)
                """)
        {
            try await uncount(officeID: officeID, received: try intake.string(0), session)
        }
        try await session.execute("DELETE FROM case_facets WHERE case_id = \(caseID)")
        try await session.execute(
            """
            INSERT INTO case_facets (id, case_id, office_id, month, key_version, ciphertext)
            VALUES (\(facets.id), \(caseID), \(officeID), \(facets.month), \(Int(facets.keyVersion)), \(bytes: facets.ciphertext))
            """)
    }

    public func setLegalHold(caseID: EntityID, officeID: EntityID, hold: Bool, audit: AuditEvent) async throws {
        try await database.write { session in
            let changed = try await session.changes(
                "UPDATE case_file SET legal_hold = \(hold) WHERE id = \(caseID) AND office_id = \(officeID) RETURNING 1")
            guard changed == 1 else { throw CaseFileStoreError.notFound }
            try await self.audit([audit], chain: officeID, session)
        }
    }
}
