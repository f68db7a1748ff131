import Casework
import Foundation
import Hummingbird
import HummingbirdTesting
import Sealing
import SichtbarCore
import Testing
import WebTesting

@testable import Web

@Suite struct MemberAPITests {
    @Test func loginAnswersWrongUserAndWrongPassphraseAlike() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            let login = try await client.json(
                "/api/v1/sessions", .post, #"{"username": "lead.koeln", "passphrase": "\#(app.leadPassphrase)"}"#)
            #expect(login.status == .created)
            let body = try APICalls.object(login)
            #expect(body["role"] as? String == "lead")
            #expect(body["office"] as? String == app.office.id.hex)
            let wrongPassphrase = try await client.json(
                "/api/v1/sessions", .post, #"{"username": "lead.koeln", "passphrase": "nicht-das-richtige-1"}"#)
            let wrongUser = try await client.json(
                "/api/v1/sessions", .post, #"{"username": "niemand.hier", "passphrase": "nicht-das-richtige-1"}"#)
            #expect(wrongPassphrase.status == .unauthorized)
            #expect(wrongUser.status == wrongPassphrase.status)
            #expect(String(buffer: wrongUser.body) == String(buffer: wrongPassphrase.body))
            let empty = try await client.json("/api/v1/sessions", .post, #"{"username": "lead.koeln", "passphrase": ""}"#)
            #expect(empty.status == .unprocessableContent)
            #expect(try APICalls.object(empty)["error"].flatMap { ($0 as? [String: Any])?["field"] as? String } == "passphrase")
        }
    }

    @Test func invitationEnrolmentLoginAndLogout() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            let lead = try await client.login("lead.koeln", app.leadPassphrase)
            let token = try await APICalls.invite(client, lead: lead)
            let body = #"{"invitation": "\#(token)", "username": "neu.koeln", "passphrase": "Brücke-Wolke-Anker-17"}"#
            #expect(try await client.json("/api/v1/enrolment", .post, body).status == .created)
            let again = try await client.json("/api/v1/enrolment", .post, body.replacingOccurrences(of: "neu.koeln", with: "zwei.koeln"))
            #expect(again.status == .unprocessableContent)
            #expect(String(buffer: again.body).contains(#""field":"invitation""#))
            let counsellor = try await client.login("neu.koeln", "Brücke-Wolke-Anker-17")
            #expect(try await client.json("/api/v1/cases", .get, token: counsellor).status == .ok)
            #expect(try await client.json("/api/v1/sessions", .delete, token: counsellor).status == .noContent)
            #expect(try await client.json("/api/v1/cases", .get, token: counsellor).status == .unauthorized)
            let members = try await client.json("/api/v1/members", .get, token: lead)
            #expect(String(buffer: members.body).contains("neu.koeln"))
        }
    }

    @Test func weakPassphraseAndTakenUsernameAreRefusedNamingTheField() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            let lead = try await client.login("lead.koeln", app.leadPassphrase)
            let token = try await APICalls.invite(client, lead: lead)
            let weak = try await client.json(
                "/api/v1/enrolment", .post, #"{"invitation": "\#(token)", "username": "neu.koeln", "passphrase": "kurz"}"#)
            #expect(weak.status == .unprocessableContent)
            #expect(String(buffer: weak.body).contains(#""field":"passphrase""#))
            let taken = try await client.json(
                "/api/v1/enrolment", .post,
                #"{"invitation": "\#(token)", "username": "lead.koeln", "passphrase": "Brücke-Wolke-Anker-17"}"#)
            #expect(taken.status == .unprocessableContent)
            #expect(String(buffer: taken.body).contains(#""field":"username""#))
            // Neither refusal used the invitation up.
            let fine = try await client.json(
                "/api/v1/enrolment", .post,
                #"{"invitation": "\#(token)", "username": "neu.koeln", "passphrase": "Brücke-Wolke-Anker-17"}"#)
            #expect(fine.status == .created)
        }
    }

    @Test func counsellorReachesNoMemberOrAuditRoute() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            let lead = try await client.login("lead.koeln", app.leadPassphrase)
            let counsellor = try await APICalls.enrol(
                client, lead: lead, role: "counsellor", username: "berater.koeln",
                passphrase: "Feder-Hafen-Quelle-58")
            for (uri, method, body) in [
                ("/api/v1/members", HTTPRequest.Method.get, nil as String?),
                ("/api/v1/members/lead.koeln", .delete, nil),
                ("/api/v1/members/lead.koeln", .patch, #"{"role": "counsellor"}"#),
                ("/api/v1/audit", .get, nil), ("/api/v1/audit/checkpoint", .get, nil),
                ("/api/v1/invitations", .post, #"{"role": "counsellor"}"#),
                ("/api/v1/invitations", .get, nil), ("/api/v1/rotation", .get, nil),
            ] {
                let response = try await client.json(uri, method, token: counsellor, body)
                #expect(response.status == .notFound, "\(method) \(uri)")
                #expect(String(buffer: response.body).contains(#""code":"not_found""#))
            }
            #expect(try await client.json("/api/v1/members", .get).status == .unauthorized)
            #expect(try await client.json("/api/v1/members", .get, token: "not-a-token").status == .unauthorized)
        }
    }

    @Test func analystReachesNoCaseRoute() async throws {
        let app = try await MemberTestApp()
        try await app.createVerband(analyst: "analyse.verband", passphrase: "Garten-Möwe-Ufer-33")
        try await app.test { client in
            let report = try await client.json(
                "/api/v1/reports", .post,
                #"{"language": "de", "narrative": "Ein Vorfall.", "contactWish": "mailbox", "consent": true}"#)
            #expect(report.status == .created)
            let lead = try await client.login("lead.koeln", app.leadPassphrase)
            let cases = try APICalls.object(try await client.json("/api/v1/cases", .get, token: lead))["cases"] as? [[String: Any]]
            let caseID = try #require(cases?.first?["id"] as? String)
            let token = try await client.login("analyse.verband", "Garten-Möwe-Ufer-33")
            #expect(try await client.json("/api/v1/cases", .get, token: token).status == .notFound)
            #expect(try await client.json("/api/v1/cases/\(caseID)", .get, token: token).status == .notFound)
            #expect(try await client.json("/api/v1/audit", .get, token: token).status == .notFound)
            #expect(
                try await client.json("/api/v1/invitations", .post, token: token, #"{"role": "counsellor"}"#).status
                    == .unprocessableContent)
        }
    }

    @Test func leadOpensACaseAndTheViewIsAudited() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            let narrative = "Der Vermieter lehnte mich wegen meines Namens ab."
            #expect(
                try await client.json(
                    "/api/v1/reports", .post,
                    #"{"language": "de", "narrative": "\#(narrative)", "contactWish": "mailbox", "consent": true}"#
                ).status == .created)
            let lead = try await client.login("lead.koeln", app.leadPassphrase)
            let cases = try APICalls.object(try await client.json("/api/v1/cases", .get, token: lead))["cases"] as? [[String: Any]]
            let caseID = try #require(cases?.first?["id"] as? String)
            let opened = try await client.json("/api/v1/cases/\(caseID)", .get, token: lead)
            #expect(opened.status == .ok)
            let report = try APICalls.object(opened)["report"] as? [String: Any]
            #expect(report?["narrative"] as? String == narrative)
            #expect(try await client.json("/api/v1/cases/\(EntityID.random().hex)", .get, token: lead).status == .notFound)
            #expect(try await client.json("/api/v1/cases/nonsense", .get, token: lead).status == .notFound)
            let audit = try await client.json("/api/v1/audit?case=\(caseID)", .get, token: lead)
            let events = try #require(try APICalls.object(audit)["events"] as? [[String: Any]])
            // The view of the case, then this reading of its audit trail (recorded before it is read).
            #expect(events.map { $0["action"] as? String } == ["case.viewed", "audit.viewed"])
            // The audit answer names no content.
            #expect(!String(buffer: audit.body).contains("Vermieter"))
        }
    }

    @Test func passphraseChangeAndLastLead() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            let lead = try await client.login("lead.koeln", app.leadPassphrase)
            let wrong = try await client.json(
                "/api/v1/passphrase", .post, token: lead, #"{"current": "falsch-falsch-1", "new": "Tanne-Birke-Spiegel-71"}"#)
            #expect(wrong.status == .unprocessableContent)
            #expect(String(buffer: wrong.body).contains(#""field":"current""#))
            let changed = try await client.json(
                "/api/v1/passphrase", .post, token: lead,
                #"{"current": "\#(app.leadPassphrase)", "new": "Tanne-Birke-Spiegel-71"}"#)
            #expect(changed.status == .noContent)
            _ = try await client.login("lead.koeln", "Tanne-Birke-Spiegel-71")
            let old = try await client.json(
                "/api/v1/sessions", .post, #"{"username": "lead.koeln", "passphrase": "\#(app.leadPassphrase)"}"#)
            #expect(old.status == .unauthorized)
            let last = try await client.json("/api/v1/members/lead.koeln", .delete, token: lead)
            #expect(last.status == .unprocessableContent)
            let demote = try await client.json("/api/v1/members/lead.koeln", .patch, token: lead, #"{"role": "counsellor"}"#)
            #expect(demote.status == .unprocessableContent)
        }
    }
}
