import Casework
import Foundation
import GRDB
import Sealing
import SichtbarCore
import Workflow

extension SQLiteCaseFileStore {
    public func create(_ file: NewCaseFile) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO case_file (id, office_id, office_key_version, sealed_keys, kind, step, channel, received_on, next_due,
                                           closed_on, touched, intake_audited, sealed_to, integrity)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?)
                    """,
                arguments: [
                    file.id, file.officeID, Int64(file.keyVersion), Data(file.sealedKeys), file.kind,
                    file.step, file.channel, file.receivedOn.iso, file.nextDue?.iso, file.closedOn?.iso, file.sealedTo.map { Data($0) },
                    file.authenticator.map { Data($0) },
                ])
            for record in file.records { try SQLiteReportStore.insert(record, db) }
            try Self.replaceAssignees(file.assignees, of: file.id, db)
            try audit(file.audit, chain: file.officeID, db)
        }
    }

    public func update(_ update: CaseUpdate) async throws {
        try await writer.write { db in
            let caseData = update.id
            // The revision (and authenticator) check and the write in one statement: a change made meanwhile wins.
            try db.execute(
                sql: """
                    UPDATE case_file SET kind = ?, step = ?, next_due = ?, closed_on = ?, revision = revision + 1, touched = 1,
                                         integrity = coalesce(?, integrity),
                                         deletion_requested_on = CASE WHEN ?2 = ? THEN coalesce(deletion_requested_on, ?) END
                    WHERE id = ? AND office_id = ? AND revision = ? AND integrity IS ?
                    """,
                arguments: [
                    update.kind, update.step, update.nextDue?.iso, update.closedOn?.iso, update.authenticator.map { Data($0) },
                    WorkflowPolicy.deletionRequestedStep, today().iso,
                    caseData, update.officeID, update.expectedRevision, update.expectedAuthenticator.map { Data($0) },
                ])
            guard db.changesCount == 1 else {
                let exists =
                    try Bool.fetchOne(
                        db, sql: "SELECT 1 FROM case_file WHERE id = ? AND office_id = ?",
                        arguments: [caseData, update.officeID]) ?? false
                throw exists ? CaseFileStoreError.conflict : CaseFileStoreError.notFound
            }
            if let sheet = update.sheet {
                try db.execute(sql: "DELETE FROM record WHERE case_id = ? AND kind = 'sheet'", arguments: [caseData])
                try SQLiteReportStore.insert(sheet, db)
            }
            for record in update.records { try SQLiteReportStore.insert(record, db) }
            for removed in update.removedRecords {
                try db.execute(
                    sql: "DELETE FROM record WHERE id = ? AND case_id = ? AND kind != 'sheet'", arguments: [removed, caseData])
            }
            try Self.writeIntegrity(
                caseID: update.id, folded: update.folded, sealedKeys: update.sealedKeys, keyVersion: update.keyVersion, db)
            if let assignees = update.assignees { try Self.replaceAssignees(assignees, of: update.id, db) }
            if let facets = update.facets {
                try Self.replaceFacets(facets, of: update.id, officeID: update.officeID, db)
                // The first classification starts a Meldung's retention; a later one does not move it.
                try db.execute(
                    sql: "UPDATE case_file SET classified_on = coalesce(classified_on, ?) WHERE id = ?",
                    arguments: [today().iso, caseData])
            }
            try audit(update.audit, chain: update.officeID, db)
        }
    }

    public func sealIntegrity(_ seal: CaseIntegritySeal) async throws -> Bool {
        try await writer.write { db in
            let caseData = seal.caseID
            try db.execute(
                sql: """
                    UPDATE case_file SET integrity = ? WHERE id = ? AND office_id = ? AND revision = ? AND integrity IS ?
                    """,
                arguments: [
                    Data(seal.authenticator), caseData, seal.officeID, seal.expectedRevision,
                    seal.expectedAuthenticator.map { Data($0) },
                ])
            guard db.changesCount == 1 else { return false }
            if let sheet = seal.sheet {
                try db.execute(sql: "DELETE FROM record WHERE case_id = ? AND kind = 'sheet'", arguments: [caseData])
                try SQLiteReportStore.insert(sheet, db)
            }
            try Self.writeIntegrity(caseID: seal.caseID, folded: seal.folded, sealedKeys: seal.sealedKeys, keyVersion: seal.keyVersion, db)
            return true
        }
    }

    /// Marks folded reporter records as covered, and writes keys sealed again with the
    /// authenticator marker while the case is still on the key version they were opened with.
    static func writeIntegrity(caseID: EntityID, folded: [EntityID], sealedKeys: [UInt8]?, keyVersion: UInt32, _ db: Database) throws {
        let caseData = caseID
        for id in folded {
            try db.execute(sql: "UPDATE record SET pending = 0 WHERE id = ? AND case_id = ?", arguments: [id, caseData])
        }
        if let sealedKeys {
            try db.execute(
                sql: "UPDATE case_file SET sealed_keys = ? WHERE id = ? AND office_key_version = ?",
                arguments: [Data(sealedKeys), caseData, Int64(keyVersion)])
        }
    }

    public func shred(id: EntityID, officeID: EntityID, expectedRevision: Int, audit events: [AuditEvent]) async throws {
        try await writer.write { db in
            let caseData = id
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT revision, received_on, EXISTS (SELECT 1 FROM mailbox WHERE case_id = ?1) AS intake,
                               EXISTS (SELECT 1 FROM case_facets WHERE case_id = ?1) AS classified
                        FROM case_file WHERE id = ?1 AND office_id = ?2
                        """, arguments: [caseData, officeID])
            else { throw CaseFileStoreError.notFound }
            guard row["revision"] as Int == expectedRevision else { throw CaseFileStoreError.conflict }
            // A report counted as unclassified leaves that count; a classification stays, unlinked.
            if row["intake"] as Bool && !(row["classified"] as Bool) {
                let received: String = row["received_on"]
                try db.execute(
                    sql: "UPDATE intake_month SET unclassified = max(unclassified - 1, 0) WHERE office_id = ? AND month = ?",
                    arguments: [officeID, String(received.prefix(7))])
            }
            try Self.deleteCase(caseData, db)
            try audit(events, chain: officeID, db)
        }
        await database.checkpoint()
    }

    /// Deletes a case's keys, records and mailbox (assignees cascade; the classification stays,
    /// unlinked). With `secure_delete` the freed pages are zeroed; the caller truncates the WAL.
    static func deleteCase(_ caseData: EntityID, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM record WHERE case_id = ?", arguments: [caseData])
        try db.execute(sql: "DELETE FROM mailbox WHERE case_id = ?", arguments: [caseData])
        try db.execute(sql: "DELETE FROM case_file WHERE id = ?", arguments: [caseData])
    }

    public func recordTally(_ tally: ContactTally, officeID: EntityID, audit event: AuditEvent) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO contact_tally (id, office_id, month, channel, ground, referral) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    EntityID.random(), officeID, tally.month, tally.channel, tally.ground,
                    tally.referral,
                ])
            try audit(event, chain: officeID, db)
        }
    }

    public func tallies(officeID: EntityID) async throws -> [(month: String, count: Int)] {
        try await writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT month, count(*) AS n FROM contact_tally WHERE office_id = ? GROUP BY month ORDER BY month",
                arguments: [officeID]
            ).map { ($0["month"], $0["n"]) }
        }
    }

    static func replaceAssignees(_ assignees: [CaseAssignment], of caseID: EntityID, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM case_assignee WHERE case_id = ?", arguments: [caseID])
        for assignee in assignees {
            try db.execute(
                sql: "INSERT INTO case_assignee (case_id, member_id, role) VALUES (?, ?, ?)",
                arguments: [caseID, assignee.memberID, assignee.role.rawValue])
        }
    }

    /// The first classification of a report moves it out of the unclassified count.
    static func replaceFacets(_ facets: SealedFacets, of caseID: EntityID, officeID: EntityID, _ db: Database) throws {
        let caseData = caseID
        let first =
            try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM case_facets WHERE case_id = ?)", arguments: [caseData]) ?? true
        if first,
            let intake = try Row.fetchOne(
                db,
                sql: """
                    SELECT c.received_on FROM case_file c WHERE c.id = ? AND EXISTS (SELECT 1 FROM mailbox m WHERE m.case_id = c.id)
                    """, arguments: [caseData])
        {
            let received: String = intake["received_on"]
            try db.execute(
                sql: "UPDATE intake_month SET unclassified = max(unclassified - 1, 0) WHERE office_id = ? AND month = ?",
                arguments: [officeID, String(received.prefix(7))])
        }
        try db.execute(sql: "DELETE FROM case_facets WHERE case_id = ?", arguments: [caseData])
        try db.execute(
            sql: """
                INSERT INTO case_facets (id, case_id, office_id, month, key_version, ciphertext) VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                facets.id, caseData, officeID, facets.month, Int64(facets.keyVersion),
                Data(facets.ciphertext),
            ])
    }

    public func setLegalHold(caseID: EntityID, officeID: EntityID, hold: Bool, audit: AuditEvent) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE case_file SET legal_hold = ? WHERE id = ? AND office_id = ?",
                arguments: [hold, caseID, officeID])
            guard db.changesCount == 1 else { throw CaseFileStoreError.notFound }
            try self.audit([audit], chain: officeID, db)
        }
    }
}
