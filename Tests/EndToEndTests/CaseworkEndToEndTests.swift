import Foundation
import Testing

/// Casework end to end, on the real binary: a report from intake worked by a counsellor through
/// every step to abschluss and answered, the reporter reading the answer with the receipt, a stale
/// transition, and everyone who must not see the case getting `not_found`.
@Suite(.serialized) struct CaseworkEndToEndTests {
    static let counsellorPassphrase = "Wolke-Brunnen-Tasse-31"
    static let otherPassphrase = "Hafen-Kiesel-Leuchte-62"
    static let analystPassphrase = "Analyse-Karte-Tisch-42"

    /// Office A with its lead and two counsellors, office B with its lead, and the Verband's analyst.
    static func offices() throws -> OfficeFixture {
        let office = try OfficeFixture.create()
        for username in ["carla.rat", "paul.rat"] {
            let enrolled = try office.enrol(try office.invite("counsellor"), username: username, passphrase: counsellorPassphrase)
            guard enrolled.status == 0 else { throw E2EError("enrolment of \(username) failed: \(enrolled.output)") }
        }
        let added = try CLI.run(["office", "add", "--data", office.data, "--name", "ADA Dortmund", "--json"])
        guard added.status == 0, let invitation = added.json["invitation"] as? String else { throw E2EError("office add: \(added.output)") }
        let lead = try office.enrol(invitation, username: "lead.dortmund", passphrase: otherPassphrase)
        guard lead.status == 0 else { throw E2EError("enrolment of the second lead failed: \(lead.output)") }
        let verband = try CLI.run(
            ["verband", "init", "--data", office.data, "--name", "Verband NRW", "--analyst", "ana.lyse", "--json"],
            stdin: analystPassphrase + "\n")
        guard verband.status == 0 else { throw E2EError("verband init: \(verband.output)") }
        return office
    }

    @Test func aReportIsWorkedToAbschlussAndTheReporterReadsTheAnswer() async throws {
        let office = try Self.offices()
        let server = try await office.serve()
        defer { server.terminate() }
        let api = MemberAPIClient(server)

        let narrative = uniqueNarrative("casework")
        let (reportStatus, reportBody) = try await api.call(
            "POST", "/reports",
            body: [
                "language": "de", "narrative": narrative, "contactWish": "mailbox", "consent": true,
                "grounds": ["rassistische_zuschreibung"], "office": office.office,
            ])
        #expect(reportStatus == 201, "\(reportBody)")
        let receipt = try #require(HTTP.json(reportBody)["receipt"] as? String)

        let token = try await api.token("carla.rat", Self.counsellorPassphrase)
        let caseID = try #require(try await api.caseIDs(token: token).first)
        #expect(try await api.narrative(of: caseID, token: token) == narrative)

        func send(_ method: String, _ path: String, _ body: [String: Any]?) async throws -> (status: Int, body: String) {
            try await api.call(method, "/cases/\(caseID)\(path)", token: token, body: body)
        }
        let today = Self.today()
        #expect(
            try await send("PUT", "/classification", ["codes": ["ground": ["antimuslimisch"], "area": ["wohnen"]], "region": "05315"])
                .status == 204)
        #expect(
            try await send(
                "POST", "/contacts",
                [
                    "on": today, "minutes": 45, "mode": "persoenlich", "with": "ratsuchende Person",
                    "interpreting": "dgs",
                ]
            ).status == 204)
        #expect(try await send("POST", "/notes", ["text": "Gedächtnisprotokoll besprochen."]).status == 204)

        for (from, to) in [
            ("eingegangen", "erstkontakt"), ("erstkontakt", "sachverhaltsklaerung"), ("sachverhaltsklaerung", "auftragsklaerung"),
        ] {
            let (status, body) = try await send("POST", "/transitions", ["from": from, "to": to])
            #expect(status == 200, "\(from) → \(to): \(body)")
        }
        let letter: [String: Any] = [
            "from": "auftragsklaerung", "to": "intervention", "intervention": "beschwerdebrief",
            "counterpart": "Hausverwaltung Süd GmbH",
        ]
        // The counterpart is a party of the case, recorded first.
        let (notAParty, notAPartyBody) = try await send("POST", "/transitions", letter)
        #expect(notAParty == 422, "\(notAPartyBody)")
        #expect(try await send("POST", "/parties", ["name": "Hausverwaltung Süd GmbH", "role": "gegenseite"]).status == 201)
        #expect(try await send("POST", "/parties", ["name": "Stadtwerke", "role": "dritte"]).status == 201)
        let (refusedStatus, refusedBody) = try await send("POST", "/transitions", letter)
        #expect(refusedStatus == 409)
        #expect(errorCode(refusedBody) == "document_missing", "\(refusedBody)")
        // A Vollmacht for someone else does not open the gate either, and the refusal says which is on file.
        #expect(
            try await send(
                "POST", "/documents",
                [
                    "type": "vollmacht", "scope": ["beschwerdebrief"], "counterpart": "Stadtwerke",
                    "signedOn": today,
                ]
            ).status == 201)
        let unfit = try await send("POST", "/transitions", letter)
        #expect(errorCode(unfit.body) == "document_unfit" && "\(unfit.body)".contains("Stadtwerke"), "\(unfit.body)")
        #expect(
            try await send(
                "POST", "/documents",
                [
                    "type": "vollmacht", "scope": ["beschwerdebrief"], "counterpart": "Hausverwaltung Süd GmbH",
                    "signedOn": today,
                ]
            ).status == 201)
        let (movedStatus, movedBody) = try await send("POST", "/transitions", letter)
        #expect(movedStatus == 200, "\(movedBody)")

        let answer = "Wir haben der Hausverwaltung geschrieben und melden uns."
        #expect(try await send("POST", "/messages", ["text": answer]).status == 204)
        let (closedStatus, closedBody) = try await send(
            "POST", "/transitions", ["from": "intervention", "to": "abschluss", "outcome": "erfolgreich"])
        #expect(closedStatus == 200, "\(closedBody)")
        #expect(HTTP.json(closedBody)["step"] as? String == "abschluss")

        // A second counsellor still holding the old step gets stale_step, and nothing moves.
        let (staleStatus, staleBody) = try await send(
            "POST", "/transitions", ["from": "intervention", "to": "abschluss", "outcome": "abgebrochen"])
        #expect(staleStatus == 409)
        #expect(errorCode(staleBody) == "stale_step")

        let opened = HTTP.json(try await send("GET", "", nil).body)
        #expect(opened["step"] as? String == "abschluss")
        #expect(opened["kind"] as? String == "beratungsfall")
        #expect(opened["outcome"] as? String == "erfolgreich")
        #expect((opened["contacts"] as? [[String: Any]])?.first?["interpreting"] as? String == "dgs")
        #expect((opened["timeline"] as? [[String: Any]])?.filter { $0["kind"] as? String == "transition" }.count == 5)

        // The reporter reads the answer with the receipt.
        let (mailboxStatus, mailboxBody) = try await api.call("POST", "/mailbox", body: ["receipt": receipt])
        #expect(mailboxStatus == 200)
        let messages = (HTTP.json(mailboxBody)["messages"] as? [[String: Any]])?.compactMap { $0["text"] as? String }
        #expect(messages == [answer])

        // The chain verifies, and no audit subject names the counterpart or the narrative.
        let verify = try CLI.run(["audit", "verify", "--data", office.data])
        #expect(verify.status == 0, "\(verify.output)")
        let subjects = try CLI.query(office.database, "SELECT group_concat(subject, '|') FROM audit_event")
        #expect(!subjects.contains("Hausverwaltung") && !subjects.contains("Wohnung"))
        #expect(try CLI.query(office.database, "SELECT count(*) FROM audit_event WHERE action = 'case.transitioned'") == "5")
    }

    @Test func everyoneWhoMayNotSeeTheCaseGetsNotFound() async throws {
        let office = try Self.offices()
        let server = try await office.serve()
        defer { server.terminate() }
        let api = MemberAPIClient(server)
        let narrative = uniqueNarrative("access")
        _ = try await api.call(
            "POST", "/reports",
            body: ["language": "de", "narrative": narrative, "contactWish": "none", "consent": true, "office": office.office])
        let lead = try await api.token(office.lead, office.leadPassphrase)
        let caseID = try #require(try await api.caseIDs(token: lead).first)
        let (_, missing) = try await api.call("GET", "/cases/\(String(repeating: "0", count: 32))", token: lead)
        #expect(errorCode(missing) == "not_found")

        let otherOffice = try await api.token("lead.dortmund", Self.otherPassphrase)
        let analyst = try await api.token("ana.lyse", Self.analystPassphrase)
        for (who, token) in [("another office's lead", otherOffice), ("the analyst", analyst)] {
            let (status, body) = try await api.call("GET", "/cases/\(caseID)", token: token)
            #expect(status == 404, "\(who)")
            #expect(body == missing, "\(who): a foreign case answers like a missing one")
            let (noteStatus, _) = try await api.call("POST", "/cases/\(caseID)/notes", token: token, body: ["text": "x"])
            #expect(noteStatus == 404, "\(who)")
        }

        let carla = try await api.token("carla.rat", Self.counsellorPassphrase)
        let paul = try await api.token("paul.rat", Self.counsellorPassphrase)
        #expect(try await api.call("GET", "/cases/\(caseID)", token: paul).status == 200, "team access is on by default")
        #expect(
            try await api.call(
                "POST", "/cases/\(caseID)/assignees", token: lead,
                body: ["assignees": [["username": "carla.rat", "role": "beratung"]]]
            ).status == 204)
        #expect(try await api.call("PUT", "/office/team-access", token: lead, body: ["open": false]).status == 204)
        let (closedStatus, closedBody) = try await api.call("GET", "/cases/\(caseID)", token: paul)
        #expect(closedStatus == 404)
        #expect(closedBody == missing, "an unassigned counsellor with team access off: as if missing")
        #expect(try await api.caseIDs(token: paul).isEmpty)
        #expect(try await api.narrative(of: caseID, token: carla) == narrative, "the assigned counsellor still opens it")
        #expect(try await api.narrative(of: caseID, token: lead) == narrative, "leads open every case of the office")
    }

    static func today() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
