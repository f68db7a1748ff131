import Casework
import Foundation
import GRDB
import Intake
import Members
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing

@testable import CaseStore

/// The per-case authenticator against an operator who edits the SQLite database but holds no
/// key: every tampering below must be refused as `CaseIntegrityError` and audited as
/// `integrity.alarm`, and the untampered cases around it must still open.
@Suite("Case integrity: no rollback, deletion or swap of a case's records")
struct CaseIntegrityTests {
    /// A case recorded by a counsellor with two notes (revision 2).
    static func workedCase(_ fixture: ServiceFixture<SQLiteStores>, _ session: Session) async throws -> EntityID {
        let id = try await fixture.casework.create(
            NewCaseInput(kind: "beratungsfall", channel: "telefon", title: "Wohnung", persons: [], contact: nil, note: nil), by: session)
        try await fixture.casework.addNote("Erste Notiz", to: id, by: session)
        try await fixture.casework.addNote("Zweite Notiz", to: id, by: session)
        return id
    }

    static func sql(_ fixture: ServiceFixture<SQLiteStores>, _ statement: String, _ arguments: StatementArguments = []) async throws {
        try await fixture.database.writer.write { db in try db.execute(sql: statement, arguments: arguments) }
    }

    /// A report through intake to office A; returns its receipt and the new case's id.
    static func report(_ fixture: ServiceFixture<SQLiteStores>, _ narrative: String) async throws -> (Receipt, EntityID) {
        let known = try await ids(fixture)
        let receipt =
            (try await fixture.reporter.submit(
                ReportSubmission(
                    language: "de", narrative: narrative, contactWish: "mailbox",
                    office: fixture.officeA.id.hex, consent: true))).receipt
        let added = try await ids(fixture).subtracting(known)
        return (receipt, try #require(added.first))
    }

    static func ids(_ fixture: ServiceFixture<SQLiteStores>) async throws -> Set<EntityID> {
        try await fixture.database.writer.read { db in
            Set(try Data.fetchAll(db, sql: "SELECT id FROM case_file").compactMap { EntityID(bytes: [UInt8]($0)) })
        }
    }

    static func alarms(_ fixture: ServiceFixture<SQLiteStores>) async throws -> [String] {
        try await fixture.store.auditEntries(chain: fixture.officeA.id, from: 1, limit: 500)
            .filter { $0.event.action == AuditAction.integrityAlarm.rawValue }.map(\.event.subject)
    }

    static func expectRefused(
        _ fixture: ServiceFixture<SQLiteStores>, _ id: EntityID, _ session: Session, _ comment: Comment,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let before = try await alarms(fixture).count
        await #expect(throws: CaseIntegrityError(caseID: id), comment, sourceLocation: sourceLocation) {
            _ = try await fixture.casework.open(id, for: session)
        }
        #expect(try await alarms(fixture).count == before + 1, "an integrity.alarm for \(comment)", sourceLocation: sourceLocation)
        #expect(try await alarms(fixture).last == "case \(id.hex)", sourceLocation: sourceLocation)
    }

    @Test func anUntouchedCaseOpensAndItsAuthenticatorFollowsEveryChange() async throws {
        let fixture = try await ServiceFixture.overSQLite()
        let lead = try await fixture.login("lead.a")
        let id = try await Self.workedCase(fixture, lead)
        let view = try await fixture.casework.open(id, for: lead)
        #expect(view.revision == 2 && view.timeline.filter { $0.kind == .note }.count == 2)
        #expect(try await Self.alarms(fixture).isEmpty)
    }

    @Test func anOlderSheetPutBackIsRefusedEvenWithItsRevisionAndAuthenticator() async throws {
        let fixture = try await ServiceFixture.overSQLite()
        let lead = try await fixture.login("lead.a")
        let id = try await fixture.casework.create(
            NewCaseInput(kind: "beratungsfall", channel: "telefon", title: "Alt", persons: [], contact: nil, note: nil), by: lead)
        let caseData = Data(id.bytes)
        // The operator keeps a copy of the case at revision 0, then the counsellor goes on working.
        let old = try #require(
            try await fixture.database.writer.read { db in
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT s.id, s.ciphertext, c.integrity, c.revision FROM record s JOIN case_file c ON c.id = s.case_id
                        WHERE s.case_id = ? AND s.kind = 'sheet'
                        """, arguments: [caseData])
            })
        try await fixture.casework.describe(title: "Neu", persons: [], on: id, by: lead)
        try await fixture.casework.addNote("Notiz", to: id, by: lead)

        // 1. Only the sheet: it names another record id, and does not open at revision 2.
        let current = try #require(
            try await fixture.database.writer.read { db in
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT s.id, s.ciphertext, c.integrity FROM record s JOIN case_file c ON c.id = s.case_id WHERE s.case_id = ? AND s.kind = 'sheet'
                        """, arguments: [caseData])
            })
        try await Self.sql(fixture, "DELETE FROM record WHERE case_id = ? AND kind = 'sheet'", [caseData])
        try await Self.sql(
            fixture, "INSERT INTO record (id, case_id, kind, key_version, ciphertext) VALUES (?, ?, 'sheet', 1, ?)",
            [old["id"] as Data, caseData, old["ciphertext"] as Data])
        try await Self.expectRefused(fixture, id, lead, "the old sheet alone")
        // Nothing is written over a tampered case: a change is refused as well, and stays refused.
        await #expect(throws: CaseIntegrityError.self) { try await fixture.casework.addNote("danach", to: id, by: lead) }
        try await Self.expectRefused(fixture, id, lead, "still refused after a refused change")

        // 2. The old sheet with its revision and authenticator: the entries written since are extra.
        try await Self.sql(
            fixture, "UPDATE case_file SET revision = ?, integrity = ? WHERE id = ?",
            [old["revision"] as Int, old["integrity"] as Data, caseData])
        try await Self.expectRefused(fixture, id, lead, "the old sheet, revision and authenticator")

        // 3. The current sheet, revision and authenticator again: the case opens, nothing was lost.
        try await Self.sql(fixture, "DELETE FROM record WHERE case_id = ? AND kind = 'sheet'", [caseData])
        try await Self.sql(
            fixture, "INSERT INTO record (id, case_id, kind, key_version, ciphertext) VALUES (?, ?, 'sheet', 1, ?)",
            [current["id"] as Data, caseData, current["ciphertext"] as Data])
        try await Self.sql(
            fixture, "UPDATE case_file SET revision = 2, integrity = ? WHERE id = ?", [current["integrity"] as Data, caseData])
        #expect(try await fixture.casework.open(id, for: lead).sheet.title == "Neu")

        // 4. The authenticator removed: the case's keys say it must have one.
        try await Self.sql(fixture, "UPDATE case_file SET integrity = NULL WHERE id = ?", [caseData])
        try await Self.expectRefused(fixture, id, lead, "the authenticator removed")
    }

    @Test func aSheetCannotBePutBackAtAnotherRevision() async throws {
        let fixture = try await ServiceFixture.overSQLite()
        let lead = try await fixture.login("lead.a")
        let id = try await Self.workedCase(fixture, lead)
        // The revision column alone moved: the sheet is bound to revision 2, the authenticator too.
        try await Self.sql(fixture, "UPDATE case_file SET revision = 7 WHERE id = ?", [Data(id.bytes)])
        try await Self.expectRefused(fixture, id, lead, "the revision column changed")
    }

    @Test func aDeletedTimelineEntryOrOfficeMessageIsRefused() async throws {
        let fixture = try await ServiceFixture.overSQLite()
        let lead = try await fixture.login("lead.a")
        let worked = try await Self.workedCase(fixture, lead)
        let untouched = try await Self.workedCase(fixture, lead)
        try await Self.sql(
            fixture, "DELETE FROM record WHERE id = (SELECT id FROM record WHERE case_id = ? AND kind = 'entry' LIMIT 1)",
            [Data(worked.bytes)])
        try await Self.expectRefused(fixture, worked, lead, "a deleted timeline entry")
        #expect(try await fixture.casework.open(untouched, for: lead).timeline.count == 3, "the case next to it still opens")

        let (_, reported) = try await Self.report(fixture, "Die Wohnung wurde mir verweigert.")
        try await fixture.casework.sendMessage("Wir melden uns.", to: reported, by: lead)
        try await Self.sql(fixture, "DELETE FROM record WHERE case_id = ? AND kind = 'message'", [Data(reported.bytes)])
        try await Self.expectRefused(fixture, reported, lead, "a deleted office message")
    }

    @Test func intakeRecordsAreCoveredFromTheStart() async throws {
        let fixture = try await ServiceFixture.overSQLite()
        let lead = try await fixture.login("lead.a")
        let (_, id) = try await Self.report(fixture, "Die Wohnung wurde mir verweigert.")
        let tag = try await fixture.database.writer.read { db in
            try Data.fetchOne(db, sql: "SELECT integrity FROM case_file WHERE id = ?", arguments: [Data(id.bytes)])
        }
        #expect(tag?.count == MessageAuthenticator.tagLength, "intake writes the first authenticator")
        try await Self.sql(fixture, "DELETE FROM record WHERE case_id = ? AND kind = 'report'", [Data(id.bytes)])
        try await Self.expectRefused(fixture, id, lead, "the report deleted before anyone opened the case")
    }

    @Test func recordsOfAnotherCaseAreRefusedInBothCases() async throws {
        let fixture = try await ServiceFixture.overSQLite()
        let lead = try await fixture.login("lead.a")
        let first = try await Self.workedCase(fixture, lead)
        let second = try await Self.workedCase(fixture, lead)
        // One entry of the first case moved to the second (its associated data still names the first).
        try await Self.sql(
            fixture,
            """
            UPDATE record SET case_id = ? WHERE id = (SELECT id FROM record WHERE case_id = ? AND kind = 'entry' LIMIT 1)
            """, [Data(second.bytes), Data(first.bytes)])
        try await Self.expectRefused(fixture, second, lead, "a record brought in from another case")
        try await Self.expectRefused(fixture, first, lead, "a record taken away to another case")
        // Whole sealed keys and authenticators swapped between two cases do not help either.
        let third = try await Self.workedCase(fixture, lead)
        let fourth = try await Self.workedCase(fixture, lead)
        try await Self.sql(
            fixture,
            """
            UPDATE case_file SET sealed_keys = (SELECT sealed_keys FROM case_file WHERE id = ?2),
                                 integrity = (SELECT integrity FROM case_file WHERE id = ?2) WHERE id = ?1
            """, [Data(third.bytes), Data(fourth.bytes)])
        try await Self.expectRefused(fixture, third, lead, "keys and authenticator of another case")
    }

    @Test func aCiphertextChangedInPlaceOrAPendingMarkMovedIsRefused() async throws {
        let fixture = try await ServiceFixture.overSQLite()
        let lead = try await fixture.login("lead.a")
        let id = try await Self.workedCase(fixture, lead)
        try await Self.sql(
            fixture,
            """
            UPDATE record SET ciphertext = zeroblob(length(ciphertext)) WHERE id = (SELECT id FROM record WHERE case_id = ? AND kind = 'entry' LIMIT 1)
            """, [Data(id.bytes)])
        try await Self.expectRefused(fixture, id, lead, "a ciphertext overwritten under its id")

        let other = try await Self.workedCase(fixture, lead)
        try await Self.sql(
            fixture, "UPDATE record SET pending = 1 WHERE id = (SELECT id FROM record WHERE case_id = ? AND kind = 'entry' LIMIT 1)",
            [Data(other.bytes)])
        try await Self.expectRefused(fixture, other, lead, "an office entry marked as the reporter's")
    }

    /// Reporter messages are pending until a counsellor's open folds them in; from then on,
    /// deleting one is refused. What stays open: deleting the newest messages of the reporter
    /// that no counsellor has seen yet (docs/decisions.md), unless a later message remains.
    @Test func reporterMessagesAreFoldedInOnOpen() async throws {
        let fixture = try await ServiceFixture.overSQLite()
        let lead = try await fixture.login("lead.a")
        let (receipt, id) = try await Self.report(fixture, "Die Wohnung wurde mir verweigert.")
        #expect(try await fixture.reporter.addMessage(receipt: receipt, text: "Ich habe noch ein Foto."))
        func pending() async throws -> Int {
            try await fixture.database.writer.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM record WHERE case_id = ? AND pending = 1", arguments: [Data(id.bytes)])
                    ?? -1
            }
        }
        #expect(try await pending() == 1, "the reporter's message waits for a counsellor")
        #expect(try await fixture.casework.open(id, for: lead).messages.map(\.text) == ["Ich habe noch ein Foto."])
        #expect(try await pending() == 0, "the open checked it and folded it in")
        try await Self.sql(fixture, "DELETE FROM record WHERE case_id = ? AND kind = 'message'", [Data(id.bytes)])
        try await Self.expectRefused(fixture, id, lead, "a folded reporter message deleted")

        // Two new pending messages; the older one deleted: the thread's numbering shows the gap.
        let (receipt2, id2) = try await Self.report(fixture, "Zweiter Bericht über die Absage der Wohnung.")
        #expect(try await fixture.reporter.addMessage(receipt: receipt2, text: "eins"))
        #expect(try await fixture.reporter.addMessage(receipt: receipt2, text: "zwei"))
        let rows = try await fixture.database.writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT id, ciphertext FROM record WHERE case_id = ? AND kind = 'message'", arguments: [Data(id2.bytes)])
        }
        let mailboxKey = try await Self.mailboxKey(fixture, receipt2, id2)
        var older: Data?
        for row in rows {
            let record = SealedRecord(
                id: try #require(EntityID(bytes: [UInt8](row["id"] as Data))), caseID: id2, kind: .message,
                keyVersion: 1, ciphertext: [UInt8](row["ciphertext"] as Data))
            if try RecordCodec.open(record, as: MailboxMessage.self, key: mailboxKey).sequence == 1 { older = row["id"] as Data }
        }
        try await Self.sql(fixture, "DELETE FROM record WHERE id = ?", [try #require(older)])
        try await Self.expectRefused(fixture, id2, lead, "an older pending reporter message deleted while a newer one remains")

        // The residual risk, shown: the newest pending message deleted before any counsellor saw it.
        let (receipt3, id3) = try await Self.report(fixture, "Dritter Bericht über die Absage der Wohnung.")
        #expect(try await fixture.reporter.addMessage(receipt: receipt3, text: "verschwindet"))
        try await Self.sql(fixture, "DELETE FROM record WHERE case_id = ? AND kind = 'message'", [Data(id3.bytes)])
        #expect(try await fixture.casework.open(id3, for: lead).messages.isEmpty, "not detectable without a key the reporter lacks")
    }

    /// An evidence file through the mailbox is pending with the message naming it and folded in
    /// on open; a pending file no message names (slipped in by the operator) is refused, and so is
    /// a folded file whose body was swapped.
    @Test func evidenceFilesAreCheckedByTheMessageThatNamesThem() async throws {
        let fixture = try await ServiceFixture.overSQLite()
        let lead = try await fixture.login("lead.a")
        let (receipt, id) = try await Self.report(fixture, "Mit Beweisfoto.")
        #expect(try await fixture.reporter.addFile(receipt: receipt, bytes: SampleScan.jpeg()))
        let view = try await fixture.casework.open(id, for: lead)
        let note = try #require(view.messages.compactMap(\.file).first)
        #expect(note.mediaType == .jpeg)
        let file = try await fixture.casework.reporterFile(note.recordID, in: id, by: lead)
        #expect(file.bytes == SampleScan.jpeg(withEXIF: false))

        // An unnamed pending file: a second file record whose message was removed.
        #expect(try await fixture.reporter.addFile(receipt: receipt, bytes: SampleScan.jpeg(scan: 0x34)))
        try await Self.sql(fixture, "DELETE FROM record WHERE case_id = ? AND kind = 'message' AND pending = 1", [Data(id.bytes)])
        try await Self.expectRefused(fixture, id, lead, "a pending evidence file no message names")

        // A folded file whose body is swapped for another sealed file of the same case.
        let (receipt2, id2) = try await Self.report(fixture, "Zwei Fotos.")
        #expect(try await fixture.reporter.addFile(receipt: receipt2, bytes: SampleScan.jpeg()))
        #expect(try await fixture.reporter.addFile(receipt: receipt2, bytes: SampleScan.jpeg(scan: 0x56)))
        let notes = try await fixture.casework.open(id2, for: lead).messages.compactMap(\.file)
        #expect(notes.count == 2)
        try await Self.sql(
            fixture, "UPDATE record SET ciphertext = (SELECT ciphertext FROM record WHERE id = ?) WHERE id = ?",
            [Data(notes[1].recordID.bytes), Data(notes[0].recordID.bytes)])
        let before = try await Self.alarms(fixture).count
        await #expect(throws: CaseIntegrityError(caseID: id2)) {
            _ = try await fixture.casework.reporterFile(notes[0].recordID, in: id2, by: lead)
        }
        #expect(try await Self.alarms(fixture).count == before + 1)
    }

    /// The mailbox key as the reporter opens it: the wrap stored for the case under the receipt's key.
    static func mailboxKey(_ fixture: ServiceFixture<SQLiteStores>, _ receipt: Receipt, _ caseID: EntityID) async throws -> SecureBytes {
        let wrapped = try await fixture.database.writer.read { db in
            try Data.fetchOne(db, sql: "SELECT wrapped_key FROM mailbox WHERE case_id = ?", arguments: [Data(caseID.bytes)])
        }
        return try SecretBox.open([UInt8](try #require(wrapped)), key: ReceiptKeys(receipt: receipt).reporterKey)
    }

    /// A case from before authenticators (keys without the marker, sheet without its revision,
    /// no authenticator) opens once as found and gets an authenticator, keys with the marker and
    /// a sheet bound to its revision; from then on it is protected like any other.
    @Test func aCaseFromBeforeAuthenticatorsIsTrustedOnFirstUseThenProtected() async throws {
        let fixture = try await ServiceFixture.overSQLite()
        let lead = try await fixture.login("lead.a")
        let id = try await Self.workedCase(fixture, lead)
        let caseData = Data(id.bytes)
        // Make it look as the old code left it: 64-byte keys, an unbound sheet, no authenticator.
        let secrets = try await lead.officeSecrets(version: fixture.officeA.keyVersion, store: fixture.store)
        let row = try #require(
            try await fixture.database.writer.read { db in
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT c.sealed_keys, s.id AS sheet_id, s.ciphertext FROM case_file c JOIN record s ON s.case_id = c.id AND s.kind = 'sheet'
                        WHERE c.id = ?
                        """, arguments: [caseData])
            })
        let keys = try CaseKeys.open([UInt8](row["sealed_keys"] as Data), with: secrets.keyPair)
        #expect(keys.requiresAuthenticator)
        let legacyKeys = CaseKeys(caseKey: keys.caseKey, mailboxKey: keys.mailboxKey, requiresAuthenticator: false)
        let sheetID = try #require(EntityID(bytes: [UInt8](row["sheet_id"] as Data)))
        let sheet = try RecordCodec.open(
            SealedRecord(id: sheetID, caseID: id, kind: .sheet, keyVersion: 1, ciphertext: [UInt8](row["ciphertext"] as Data)),
            as: CaseSheet.self, key: keys.caseKey, revision: 2)
        let legacySheet = try RecordCodec.seal(sheet, kind: .sheet, caseID: id, key: keys.caseKey, recordID: sheetID)
        try await Self.sql(
            fixture, "UPDATE case_file SET sealed_keys = ?, integrity = NULL WHERE id = ?",
            [Data(legacyKeys.seal(to: secrets.keyPair.publicKey)), caseData])
        try await Self.sql(fixture, "UPDATE record SET ciphertext = ? WHERE id = ?", [Data(legacySheet.ciphertext), Data(sheetID.bytes)])

        #expect(try await fixture.casework.list(CaseListFilter(), for: lead).items.contains { $0.id == id && $0.title == "Wohnung" })
        #expect(try await fixture.casework.open(id, for: lead).sheet.title == "Wohnung", "opens as found, once")
        let after = try #require(
            try await fixture.database.writer.read { db in
                try Row.fetchOne(db, sql: "SELECT sealed_keys, integrity FROM case_file WHERE id = ?", arguments: [caseData])
            })
        #expect((after["integrity"] as Data?) != nil, "the open gave it an authenticator")
        #expect(try CaseKeys.open([UInt8](after["sealed_keys"] as Data), with: secrets.keyPair).requiresAuthenticator, "and marked keys")
        #expect(try await fixture.casework.open(id, for: lead).timeline.count == 3)

        try await Self.sql(
            fixture, "DELETE FROM record WHERE id = (SELECT id FROM record WHERE case_id = ? AND kind = 'entry' LIMIT 1)", [caseData])
        try await Self.expectRefused(fixture, id, lead, "an entry deleted after the first open")
        // Putting the authenticator away does not bring back first use: the keys now say it must exist.
        try await Self.sql(fixture, "UPDATE case_file SET integrity = NULL WHERE id = ?", [caseData])
        try await Self.expectRefused(fixture, id, lead, "authenticator removed after the first open")
    }

    /// A key rotation seals the case keys again, marker included: a rotated case whose
    /// authenticator is removed does not fall back to first use.
    @Test func aKeyRotationKeepsTheMarker() async throws {
        let fixture = try await ServiceFixture.overSQLite()
        let lead = try await fixture.login("lead.a")
        let kept = try await Self.workedCase(fixture, lead)
        let stripped = try await Self.workedCase(fixture, lead)
        _ = try await fixture.members.beginRotation(officeID: fixture.officeA.id, by: lead)
        _ = try await fixture.members.continueRotation(officeID: fixture.officeA.id, by: lead)
        let versions = try await fixture.database.writer.read { db in
            try Int.fetchAll(db, sql: "SELECT DISTINCT office_key_version FROM case_file")
        }
        #expect(versions == [Int(fixture.officeA.keyVersion) + 1], "every case was sealed again")
        let fresh = try await fixture.login("lead.a")
        #expect(try await fixture.casework.open(kept, for: fresh).timeline.count == 3)
        try await Self.sql(fixture, "UPDATE case_file SET integrity = NULL WHERE id = ?", [Data(stripped.bytes)])
        try await Self.expectRefused(fixture, stripped, fresh, "authenticator removed after a rotation")
    }

    @Test func theAuthenticatorCoversIdRevisionAndEveryRecord() {
        let key = SecureBytes(randomCount: 32)
        let caseID = EntityID.random()
        let records = [CaseIntegrity.Entry(kind: .entry, id: .random()), CaseIntegrity.Entry(kind: .message, id: .random())]
        let tag = CaseIntegrity.tag(caseID: caseID, revision: 3, records: records, caseKey: key)
        #expect(CaseIntegrity.verify(tag, caseID: caseID, revision: 3, records: records.reversed(), caseKey: key), "order does not matter")
        #expect(!CaseIntegrity.verify(tag, caseID: caseID, revision: 2, records: records, caseKey: key))
        #expect(!CaseIntegrity.verify(tag, caseID: .random(), revision: 3, records: records, caseKey: key))
        #expect(!CaseIntegrity.verify(tag, caseID: caseID, revision: 3, records: records.dropLast(), caseKey: key))
        #expect(
            !CaseIntegrity.verify(
                tag, caseID: caseID, revision: 3,
                records: [records[0], CaseIntegrity.Entry(kind: .entry, id: records[1].id)], caseKey: key), "kinds count")
        #expect(!CaseIntegrity.verify(tag, caseID: caseID, revision: 3, records: records, caseKey: SecureBytes(randomCount: 32)))
    }
}
