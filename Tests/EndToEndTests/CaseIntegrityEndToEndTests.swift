import Foundation
import Testing

/// The operator against a case, on the real binary: between two runs of the server they edit the
/// SQLite database with plain SQL — an older sheet put back (with its revision and
/// authenticator), a timeline entry deleted, a reporter message deleted, records of one case
/// swapped into another. Each such case answers `409 case_integrity` with nothing of its content
/// and leaves an `integrity.alarm` audit event; the untouched case beside them opens. The one
/// thing the design cannot see is shown too: the newest reporter message that no counsellor has
/// opened yet, deleted.
@Suite(.serialized) struct CaseIntegrityEndToEndTests {
    @Test func rollbackDeletionAndSwapAreRefusedAndAudited() async throws {
        let office = try OfficeFixture.create()
        let database = office.database
        var cases: [String: String] = [:]
        var oldSheet: [String] = []
        var reporterMessageID = ""
        var oldSheetOnly: [String] = []

        let first = try await office.serve()
        do {
            defer { first.terminate() }
            let api = MemberAPIClient(first)
            let token = try await api.token(office.lead, office.leadPassphrase)
            func create(_ title: String) async throws -> String {
                let (status, body) = try await api.call(
                    "POST", "/cases", token: token, body: ["kind": "beratungsfall", "channel": "telefon", "title": title])
                guard status == 201, let id = HTTP.json(body)["id"] as? String else { throw E2EError("create answered \(status): \(body)") }
                return id
            }
            func note(_ id: String, _ text: String) async throws {
                let (status, body) = try await api.call("POST", "/cases/\(id)/notes", token: token, body: ["text": text])
                #expect(status == 204, "\(body)")
            }
            func report(_ label: String) async throws -> (receipt: String, id: String) {
                let known = Set(try await api.caseIDs(token: token))
                let receipt = try await api.report(uniqueNarrative(label))
                let id = try #require(Set(try await api.caseIDs(token: token)).subtracting(known).first)
                return (receipt, id)
            }
            func reporterMessage(_ receipt: String, _ text: String) async throws {
                let (status, body) = try await api.call("POST", "/mailbox/messages", body: ["receipt": receipt, "text": text])
                #expect(status == 201, "\(body)")
            }

            // An older sheet: the operator copies sheet, revision and authenticator at revision 0.
            cases["sheet"] = try await create("Erster Stand")
            oldSheet = try CLI.query(
                database,
                """
                SELECT hex(s.id), hex(s.ciphertext), hex(c.integrity), c.revision FROM record s JOIN case_file c ON c.id = s.case_id
                WHERE lower(hex(s.case_id)) = ? AND s.kind = 'sheet'
                """, [try #require(cases["sheet"])]
            ).split(separator: "|").map(String.init)
            #expect(oldSheet.count == 4 && oldSheet[3] == "0", "\(oldSheet)")
            try await note(try #require(cases["sheet"]), "Geheime Notiz nach dem ersten Stand")

            // An older sheet alone: only the sheet row from revision 0.
            cases["sheetOnly"] = try await create("Erster Stand")
            oldSheetOnly = try CLI.query(
                database, "SELECT hex(id), hex(ciphertext) FROM record WHERE lower(hex(case_id)) = ? AND kind = 'sheet'",
                [try #require(cases["sheetOnly"])]
            ).split(separator: "|").map(String.init)
            try await note(try #require(cases["sheetOnly"]), "Geheime Notiz nach dem ersten Stand")

            cases["entry"] = try await create("Eintrag")
            try await note(try #require(cases["entry"]), "Gesprächsnotiz, die verschwinden soll")

            // A reporter message a counsellor has seen (folded in), then an answer from the office.
            let (receipt, reported) = try await report("integrity")
            cases["message"] = reported
            try await reporterMessage(receipt, "Ich habe noch ein Foto der Absage.")
            // The operator notes which row is the reporter's message (the only one, still pending).
            reporterMessageID = try CLI.query(
                database, "SELECT hex(id) FROM record WHERE lower(hex(case_id)) = ? AND kind = 'message' AND pending = 1",
                [reported])
            #expect(reporterMessageID.count == 32, "\(reporterMessageID)")
            let (openStatus, openBody) = try await api.call("GET", "/cases/\(reported)", token: token)
            #expect(openStatus == 200 && openBody.contains("Foto der Absage"), "\(openStatus)")
            #expect(
                try await api.call("POST", "/cases/\(reported)/messages", token: token, body: ["text": "Danke, wir melden uns."]).status
                    == 204)

            // A reporter message no counsellor has opened yet: the residual risk.
            let (pendingReceipt, pendingCase) = try await report("pending")
            cases["pending"] = pendingCase
            try await reporterMessage(pendingReceipt, "Diese Nachricht hat noch niemand gesehen.")

            cases["a"] = try await create("Fall A")
            try await note(try #require(cases["a"]), "Notiz in Fall A")
            cases["b"] = try await create("Fall B")
            try await note(try #require(cases["b"]), "Notiz in Fall B")
            cases["control"] = try await create("Unberührt")
            try await note(try #require(cases["control"]), "Notiz im unberührten Fall")
        }

        // The operator, with the server stopped and plain SQL.
        _ = try CLI.python(
            """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            c = lambda h: bytes.fromhex(h)
            sheet, entry, message, pending, a, b = (c(x) for x in sys.argv[2:8])
            sheet_id, sheet_ciphertext, sheet_integrity, sheet_revision = sys.argv[8], sys.argv[9], sys.argv[10], int(sys.argv[11])
            # 1. the old sheet, its revision and its authenticator put back
            db.execute("DELETE FROM record WHERE case_id = ? AND kind = 'sheet'", (sheet,))
            db.execute("INSERT INTO record (id, case_id, kind, key_version, ciphertext) VALUES (?, ?, 'sheet', 1, ?)",
                       (c(sheet_id), sheet, c(sheet_ciphertext)))
            db.execute("UPDATE case_file SET revision = ?, integrity = ? WHERE id = ?", (sheet_revision, c(sheet_integrity), sheet))
            # 1b. only the old sheet row put back
            sheet_only = c(sys.argv[13])
            db.execute("DELETE FROM record WHERE case_id = ? AND kind = 'sheet'", (sheet_only,))
            db.execute("INSERT INTO record (id, case_id, kind, key_version, ciphertext) VALUES (?, ?, 'sheet', 1, ?)",
                       (c(sys.argv[14]), sheet_only, c(sys.argv[15])))
            # 2. a timeline entry deleted (the note)
            db.execute("DELETE FROM record WHERE id = (SELECT id FROM record WHERE case_id = ? AND kind = 'entry' ORDER BY id LIMIT 1)", (entry,))
            # 3. the reporter's message deleted (folded in since); the office's answer stays
            db.execute("DELETE FROM record WHERE id = ? AND case_id = ?", (c(sys.argv[12]), message))
            assert db.execute("SELECT count(*) FROM record WHERE case_id = ? AND kind = 'message'", (message,)).fetchone()[0] == 1
            # 4. the reporter message nobody has opened yet deleted
            db.execute("DELETE FROM record WHERE case_id = ? AND kind = 'message'", (pending,))
            # 5. the timeline entries of A and B swapped
            db.execute("UPDATE record SET case_id = x'00' WHERE case_id = ? AND kind = 'entry'", (a,))
            db.execute("UPDATE record SET case_id = ? WHERE case_id = ? AND kind = 'entry'", (a, b))
            db.execute("UPDATE record SET case_id = ? WHERE case_id = x'00' AND kind = 'entry'", (b,))
            db.commit()
            """, database: database,
            try ["sheet", "entry", "message", "pending", "a", "b"].map { try #require(cases[$0]) } + oldSheet + [
                reporterMessageID, try #require(cases["sheetOnly"]),
            ] + oldSheetOnly)

        let second = try await office.serve()
        defer { second.terminate() }
        let api = MemberAPIClient(second)
        let token = try await api.token(office.lead, office.leadPassphrase)
        for name in ["sheet", "sheetOnly", "entry", "message", "a", "b"] {
            let id = try #require(cases[name])
            let (status, body) = try await api.call("GET", "/cases/\(id)", token: token)
            #expect(status == 409, "\(name): \(status)")
            #expect(errorCode(body) == "case_integrity", "\(name): \(body)")
            for secret in ["Notiz", "Foto", "Eintrag", "Stand", "Fall"] {
                #expect(!body.contains(secret), "\(name) leaks nothing: \(body)")
            }
        }
        // No change is written over a tampered case (it would make the tampering look genuine).
        let entryCase = try #require(cases["entry"])
        let (noteStatus, noteBody) = try await api.call("POST", "/cases/\(entryCase)/notes", token: token, body: ["text": "danach"])
        #expect(noteStatus == 409 && errorCode(noteBody) == "case_integrity", "\(noteStatus) \(noteBody)")
        #expect(try await api.call("GET", "/cases/\(entryCase)", token: token).status == 409, "still refused after the refused change")

        let (controlStatus, controlBody) = try await api.call("GET", "/cases/\(try #require(cases["control"]))", token: token)
        #expect(controlStatus == 200 && controlBody.contains("Notiz im unberührten Fall"), "the untouched case opens: \(controlStatus)")

        // What the design cannot detect: the reporter's newest message, deleted before any
        // counsellor opened the case, is simply gone (the reporter holds no case key).
        let (pendingStatus, pendingBody) = try await api.call("GET", "/cases/\(try #require(cases["pending"]))", token: token)
        #expect(pendingStatus == 200, "\(pendingBody)")
        #expect((HTTP.json(pendingBody)["messages"] as? [Any])?.isEmpty == true, "the deleted unseen message is not noticed")

        let alarms = try CLI.query(database, "SELECT subject FROM audit_event WHERE action = 'integrity.alarm'")
            .split(separator: "\n").map(String.init)
        for name in ["sheet", "sheetOnly", "entry", "message", "a", "b"] {
            let id = try #require(cases[name])
            #expect(alarms.contains("case \(id)"), "an integrity.alarm for \(name): \(alarms)")
        }
        let control = try #require(cases["control"])
        #expect(!alarms.contains("case \(control)"), "no alarm for the untouched case")
        #expect(alarms.filter { $0 == "case \(entryCase)" }.count == 3, "the entry case: open, refused note, open again")
        // The chain with its alarms still verifies.
        let verified = try CLI.run(["audit", "verify", "--data", office.data, "--office", office.office])
        #expect(verified.status == 0, "\(verified.output)")
    }
}
