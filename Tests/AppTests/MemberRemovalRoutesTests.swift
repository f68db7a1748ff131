import App
import CaseStore
import Casework
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing
import WebTesting

/// Removing a member through the API over SQLite: the office key rotates, old reports stay
/// readable, the office's audit chain verifies.
@Suite struct MemberRemovalRoutesTests {
    @Test func removalRotatesTheOfficeKey() async throws {
        let (app, sqlite) = try await MemberTestApp.overSQLite()
        try await app.test { client in
            #expect(
                try await client.json(
                    "/api/v1/reports", .post,
                    #"{"language": "de", "narrative": "Vor der Rotation.", "contactWish": "mailbox", "consent": true}"#
                ).status == .created)
            let lead = try await client.login("lead.koeln", app.leadPassphrase)
            _ = try await APICalls.enrol(
                client, lead: lead, role: "counsellor", username: "geht.bald", passphrase: "Zeltplatz-Lampe-Ufer-12")
            let removed = try await client.json("/api/v1/members/geht.bald", .delete, token: lead)
            #expect(removed.status == .ok)
            var rotation: Any? = try APICalls.object(removed)["rotation"]
            for _ in 0..<100 where rotation != nil {
                try await Task.sleep(for: .milliseconds(50))
                rotation = try APICalls.object(try await client.json("/api/v1/rotation", .get, token: lead))["rotation"]
            }
            #expect(rotation == nil, "the rotation finished")
            #expect(try await app.store.office(id: app.office.id)?.keyVersion == 2)
            let refused = try await client.json(
                "/api/v1/sessions", .post, #"{"username": "geht.bald", "passphrase": "Zeltplatz-Lampe-Ufer-12"}"#)
            #expect(refused.status == .unauthorized)
            let cases = try APICalls.object(try await client.json("/api/v1/cases", .get, token: lead))["cases"] as? [[String: Any]]
            let caseID = try #require(cases?.first?["id"] as? String)
            let opened = try await client.json("/api/v1/cases/\(caseID)", .get, token: lead)
            #expect(String(buffer: opened.body).contains("Vor der Rotation."))
            let verdict = try await sqlite.members.verifyChain(app.office.id, key: app.signer.publicKey)
            guard case .intact(let count) = verdict else {
                Issue.record("the office chain does not verify: \(verdict)")
                return
            }
            #expect(count >= 6)
        }
    }
}
