import Casework
import Foundation
import Hummingbird
import HummingbirdTesting
import Sealing
import SichtbarCore
import Testing
import WebTesting

@testable import Web

/// The case routes as a client sees them: status codes, error codes naming the rule or field,
/// who gets `not_found`, and the audit trail behind them.
@Suite struct CaseAPITests {
    static let passphrase = "Kompass-Rhein-Laterne-42"
    static let today = Day(Date()).iso

    static func move(_ client: any TestClientProtocol, _ caseID: String, token: String, _ body: String) async throws -> TestResponse {
        try await client.json("/api/v1/cases/\(caseID)/transitions", .post, token: token, body)
    }

    @Test func aReportIsWorkedToAbschlussAndTheReporterReadsTheReply() async throws {
        let app = try await MemberTestApp()
        try await app.addMember("berater.koeln")
        try await app.test { client in
            let lead = try await client.login(app.leadName, app.leadPassphrase)
            let (receipt, caseID) = try await APICalls.report(client, lead: lead)
            let token = try await client.login("berater.koeln", Self.passphrase)
            let opened = try APICalls.object(try await client.json("/api/v1/cases/\(caseID)", .get, token: token))
            #expect(opened["step"] as? String == "eingegangen")
            #expect(
                (opened["report"] as? [String: Any])?["narrative"] as? String
                    == "Die Hausverwaltung sagte, sie vermiete nicht an Ausländer.")
            #expect((opened["transitions"] as? [[String: Any]])?.contains { $0["to"] as? String == "erstkontakt" } == true)

            let classified = try await client.json(
                "/api/v1/cases/\(caseID)/classification", .put, token: token,
                #"{"codes": {"ground": ["antimuslimisch"], "area": ["wohnen"]}, "region": "05315"}"#)
            #expect(classified.status == .noContent)
            let contact = try await client.json(
                "/api/v1/cases/\(caseID)/contacts", .post, token: token,
                """
                {"on": "\(Self.today)", "minutes": 35, "mode": "telefon", "with": "ratsuchende Person", "interpreting": "dgs"}
                """)
            #expect(contact.status == .noContent)
            for (from, to) in [
                ("eingegangen", "erstkontakt"), ("erstkontakt", "sachverhaltsklaerung"), ("sachverhaltsklaerung", "auftragsklaerung"),
            ] {
                #expect(
                    try await Self.move(client, caseID, token: token, #"{"from": "\#(from)", "to": "\#(to)"}"#).status == .ok,
                    "\(from) → \(to)")
            }
            let letter =
                #"{"from": "auftragsklaerung", "to": "intervention", "intervention": "beschwerdebrief", "counterpart": "Hausverwaltung Süd"}"#
            #expect(
                try await client.json(
                    "/api/v1/cases/\(caseID)/parties", .post, token: token,
                    #"{"name": "Hausverwaltung Süd", "role": "gegenseite"}"#
                ).status == .created)
            let refused = try await Self.move(client, caseID, token: token, letter)
            #expect(refused.status == .conflict)
            #expect(try APICalls.errorCode(refused) == "document_missing")
            #expect(String(buffer: refused.body).contains("vollmacht"))
            let document = try await client.json(
                "/api/v1/cases/\(caseID)/documents", .post, token: token,
                """
                {"type": "vollmacht", "scope": ["beschwerdebrief"], "counterpart": "Hausverwaltung Süd", "signedOn": "\(Self.today)"}
                """)
            #expect(document.status == .created)
            #expect(try await Self.move(client, caseID, token: token, letter).status == .ok)
            #expect(
                try await client.json(
                    "/api/v1/cases/\(caseID)/messages", .post, token: token,
                    #"{"text": "Wir haben der Hausverwaltung geschrieben."}"#
                ).status == .noContent)
            let closed = try await Self.move(
                client, caseID, token: token, #"{"from": "intervention", "to": "abschluss", "outcome": "erfolgreich"}"#)
            #expect(try APICalls.object(closed)["step"] as? String == "abschluss")

            let after = try APICalls.object(try await client.json("/api/v1/cases/\(caseID)", .get, token: token))
            #expect(after["kind"] as? String == "beratungsfall")
            #expect(after["outcome"] as? String == "erfolgreich")
            let classification = after["classification"] as? [String: [String: Any]]
            #expect((classification?["counsellor"]?["codes"] as? [String: [String]])?["ground"] == ["antimuslimisch"])
            #expect((classification?["reporter"]?["codes"] as? [String: [String]])?["ground"] == ["rassistische_zuschreibung"])
            #expect((after["contacts"] as? [[String: Any]])?.first?["interpreting"] as? String == "dgs")

            let mailbox = try await client.json("/api/v1/mailbox", .post, #"{"receipt": "\#(receipt)"}"#)
            let messages = try #require(try APICalls.object(mailbox)["messages"] as? [[String: Any]])
            #expect(messages.map { $0["text"] as? String } == ["Wir haben der Hausverwaltung geschrieben."])

            // The lead's audit filter finds every event about the case, none naming the counterpart.
            let audit = try await client.json("/api/v1/audit?case=\(caseID)&limit=500", .get, token: lead)
            let actions = try #require(try APICalls.object(audit)["events"] as? [[String: Any]]).compactMap { $0["action"] as? String }
            #expect(actions.filter { $0 == "case.transitioned" }.count == 5)
            for action in ["case.classified", "case.contact_recorded", "case.document_recorded", "case.message_sent", "case.viewed"] {
                #expect(actions.contains(action), "\(action)")
            }
            #expect(!String(buffer: audit.body).contains("Hausverwaltung"))
        }
    }

    @Test func refusedTransitionsNameTheRuleAndChangeNothing() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            let lead = try await client.login(app.leadName, app.leadPassphrase)
            let (_, caseID) = try await APICalls.report(client, lead: lead)
            #expect(try await Self.move(client, caseID, token: lead, #"{"from": "eingegangen", "to": "erstkontakt"}"#).status == .ok)

            let stale = try await Self.move(client, caseID, token: lead, #"{"from": "eingegangen", "to": "kein_kontakt"}"#)
            #expect(stale.status == .conflict)
            #expect(try APICalls.errorCode(stale) == "stale_step")
            let forbidden = try await Self.move(client, caseID, token: lead, #"{"from": "erstkontakt", "to": "nachbereitung"}"#)
            #expect(forbidden.status == .conflict)
            #expect(try APICalls.errorCode(forbidden) == "transition_forbidden")
            let unknown = try await Self.move(client, caseID, token: lead, #"{"from": "erstkontakt", "to": "irgendwo"}"#)
            #expect(unknown.status == .conflict || unknown.status == .unprocessableContent)
            let noOutcome = try await Self.move(client, caseID, token: lead, #"{"from": "erstkontakt", "to": "abschluss"}"#)
            #expect(noOutcome.status == .unprocessableContent)
            #expect(try APICalls.object(noOutcome)["error"].flatMap { ($0 as? [String: Any])?["field"] as? String } == "outcome")
            #expect(try await Self.move(client, caseID, token: lead, #"{"from": 3}"#).status == .badRequest)
            #expect(try await Self.move(client, caseID, token: lead, "nicht json").status == .badRequest)

            let opened = try APICalls.object(try await client.json("/api/v1/cases/\(caseID)", .get, token: lead))
            #expect(opened["step"] as? String == "erstkontakt", "no refusal moved the case")
            #expect((opened["timeline"] as? [[String: Any]])?.filter { $0["kind"] as? String == "transition" }.count == 1)
        }
    }

    @Test func foreignAnalystAndUnassignedMembersGetNotFoundAlike() async throws {
        let app = try await MemberTestApp()
        let otherKeys = try OfficeKeys.generate()
        let other = try await app.stores.setup.createOffice(name: "Beratung Dortmund", profile: OfficeProfile(), keys: otherKeys)
        try await app.addMember("berater.dortmund", office: other, keys: otherKeys)
        try await app.addMember("berater.eins")
        try await app.addMember("berater.zwei")
        try await app.createVerband(analyst: "analyse.verband", passphrase: Self.passphrase)
        try await app.test { client in
            let lead = try await client.login(app.leadName, app.leadPassphrase)
            let (_, caseID) = try await APICalls.report(client, lead: lead)
            let missing = try await client.json("/api/v1/cases/\(EntityID.random().hex)", .get, token: lead)
            #expect(missing.status == .notFound)

            let foreign = try await client.login("berater.dortmund", Self.passphrase)
            let analyst = try await client.login("analyse.verband", Self.passphrase)
            for token in [foreign, analyst] {
                let opened = try await client.json("/api/v1/cases/\(caseID)", .get, token: token)
                #expect(opened.status == .notFound)
                #expect(opened.body == missing.body, "a foreign case looks like a missing one")
                #expect(try await client.json("/api/v1/cases/\(caseID)/notes", .post, token: token, #"{"text": "x"}"#).status == .notFound)
            }
            #expect(try await client.json("/api/v1/cases", .get, token: analyst).status == .notFound)
            #expect((try APICalls.object(try await client.json("/api/v1/cases", .get, token: foreign))["cases"] as? [Any])?.isEmpty == true)

            let eins = try await client.login("berater.eins", Self.passphrase)
            let zwei = try await client.login("berater.zwei", Self.passphrase)
            #expect(try await client.json("/api/v1/cases/\(caseID)", .get, token: zwei).status == .ok, "team access is on by default")
            #expect(
                try await client.json(
                    "/api/v1/cases/\(caseID)/assignees", .post, token: lead,
                    #"{"assignees": [{"username": "berater.eins", "role": "beratung"}]}"#
                ).status == .noContent)
            #expect(try await client.json("/api/v1/office/team-access", .put, token: eins, #"{"open": false}"#).status == .notFound)
            #expect(try await client.json("/api/v1/office/team-access", .put, token: lead, #"{"open": false}"#).status == .noContent)
            let unassigned = try await client.json("/api/v1/cases/\(caseID)", .get, token: zwei)
            #expect(unassigned.status == .notFound)
            #expect(unassigned.body == missing.body)
            #expect(try await client.json("/api/v1/cases/\(caseID)", .get, token: eins).status == .ok)
            let mine =
                try APICalls.object(try await client.json("/api/v1/cases?assigned=mine", .get, token: eins))["cases"] as? [[String: Any]]
            #expect(mine?.map { $0["id"] as? String } == [caseID])
            #expect((mine?.first?["assignees"] as? [[String: Any]])?.first?["role"] as? String == "beratung")
        }
    }

    @Test func theListFiltersPagesAndRefusesBadParameters() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            let lead = try await client.login(app.leadName, app.leadPassphrase)
            var ids: [String] = []
            for index in 0..<5 { ids.append(try await APICalls.report(client, lead: lead, narrative: "Vorfall Nummer \(index).").1) }
            #expect(try await Self.move(client, ids[0], token: lead, #"{"from": "eingegangen", "to": "erstkontakt"}"#).status == .ok)

            let first = try APICalls.object(try await client.json("/api/v1/cases?limit=3", .get, token: lead))
            let next = try #require(first["next"] as? String)
            let second = try APICalls.object(try await client.json("/api/v1/cases?limit=3&after=\(next)", .get, token: lead))
            let paged = ((first["cases"] as? [[String: Any]] ?? []) + (second["cases"] as? [[String: Any]] ?? [])).compactMap {
                $0["id"] as? String
            }
            #expect(Set(paged) == Set(ids) && paged.count == 5, "two pages hold every case once")
            #expect(second["next"] == nil)

            let inContact =
                try APICalls.object(try await client.json("/api/v1/cases?step=erstkontakt", .get, token: lead))["cases"] as? [[String: Any]]
            #expect(inContact?.compactMap { $0["id"] as? String } == [ids[0]])
            let unassigned =
                try APICalls.object(try await client.json("/api/v1/cases?assigned=none", .get, token: lead))["cases"] as? [[String: Any]]
            #expect(unassigned?.count == 5)
            let opened = try APICalls.object(try await client.json("/api/v1/cases/\(ids[3])", .get, token: lead))
            let reference = try #require(opened["reference"] as? String)
            let found =
                try APICalls.object(try await client.json("/api/v1/cases?q=\(reference)", .get, token: lead))["cases"] as? [[String: Any]]
            #expect(found?.compactMap { $0["id"] as? String } == [ids[3]])
            let soon = try APICalls.object(try await client.json("/api/v1/cases?due=soon", .get, token: lead))["cases"] as? [[String: Any]]
            #expect(soon?.count == 4, "the first response is due within 7 days for every new report not yet contacted")
            let overdue =
                try APICalls.object(try await client.json("/api/v1/cases?due=overdue", .get, token: lead))["cases"] as? [[String: Any]]
            #expect(overdue?.isEmpty == true)

            for (query, field) in [("assigned=everyone", "assigned"), ("due=later", "due"), ("limit=0", "limit"), ("limit=101", "limit")] {
                let refused = try await client.json("/api/v1/cases?\(query)", .get, token: lead)
                #expect(refused.status == .unprocessableContent, "\(query)")
                #expect((try APICalls.object(refused)["error"] as? [String: Any])?["field"] as? String == field)
            }
            #expect(try await client.json("/api/v1/cases?after=kein-cursor", .get, token: lead).status == .unprocessableContent)
            // Shaped like a cursor but not a real day: refused as a value, like the other filters.
            #expect(
                try await client.json("/api/v1/cases?after=2026-11-31.00112233445566778899aabbccddeeff", .get, token: lead).status
                    == .unprocessableContent)
        }
    }

    @Test func aPhoneCaseAndAContactWithoutAFile() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            let lead = try await client.login(app.leadName, app.leadPassphrase)
            let created = try await client.json(
                "/api/v1/cases", .post, token: lead,
                """
                {"kind": "beratungsfall", "channel": "telefon", "title": "Ablehnung im Fitnessstudio",
                 "persons": [{"label": "Person A", "minor": false}],
                 "contact": {"on": "\(Self.today)", "minutes": 20, "mode": "telefon", "with": "Person A", "interpreting": "keine"}}
                """)
            #expect(created.status == .created)
            let caseID = try #require(try APICalls.object(created)["id"] as? String)
            let opened = try APICalls.object(try await client.json("/api/v1/cases/\(caseID)", .get, token: lead))
            #expect(opened["title"] as? String == "Ablehnung im Fitnessstudio")
            #expect(opened["channel"] as? String == "telefon")
            #expect((opened["contacts"] as? [Any])?.count == 1)

            let tally = try await client.json("/api/v1/cases", .post, token: lead, #"{"kind": "kontakt_ohne_akte", "channel": "telefon"}"#)
            #expect(tally.status == .created)
            #expect(try APICalls.object(tally)["counted"] as? Bool == true)
            let cases = try APICalls.object(try await client.json("/api/v1/cases", .get, token: lead))["cases"] as? [[String: Any]]
            #expect(cases?.count == 1, "a tally never becomes a case file")

            let badKind = try await client.json("/api/v1/cases", .post, token: lead, #"{"kind": "akte", "channel": "telefon"}"#)
            #expect(badKind.status == .unprocessableContent)
            #expect((try APICalls.object(badKind)["error"] as? [String: Any])?["field"] as? String == "kind")
            let badChannel = try await client.json("/api/v1/cases", .post, token: lead, #"{"kind": "meldung", "channel": "brieftaube"}"#)
            #expect((try APICalls.object(badChannel)["error"] as? [String: Any])?["field"] as? String == "channel")
            #expect(
                try APICalls.object(try await client.json("/api/v1/cases", .get, token: lead))["cases"].flatMap { ($0 as? [Any])?.count }
                    == 1,
                "refused input stored nothing")
        }
    }
}
