import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WebTesting

@testable import Web

/// What the members' API answers now that it is served through the generated interface, where
/// the generated decoder and encoder would otherwise answer differently from the Router's routes.
@Suite struct MemberAPIContractTests {
    /// UTC to the second, as the audit chain writes times.
    static func isTimestamp(_ text: String?) -> Bool {
        text?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil
    }

    @Test func timesAreWrittenToTheSecondInUTC() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            let lead = try await client.login(app.leadName, app.leadPassphrase)
            let invitation = try await client.json("/api/v1/invitations", .post, token: lead, #"{"role": "counsellor"}"#)
            #expect(invitation.status == .created)
            #expect(invitation.headers[.contentType] == "application/json; charset=utf-8")
            #expect(Self.isTimestamp(try invitation.json()["expires"] as? String))
            let pending = try await client.json("/api/v1/invitations", .get, token: lead)
            let listed = try #require(try pending.json()["invitations"] as? [[String: Any]])
            #expect(Self.isTimestamp(listed.first?["expires"] as? String))
            let checkpoint = try await client.json("/api/v1/audit/checkpoint", .get, token: lead)
            #expect(checkpoint.status == .ok)
            #expect(checkpoint.headers[.contentType] == "application/json; charset=utf-8")
            let head = try checkpoint.json()
            #expect(Set(head.keys) == ["chain", "sequence", "hash", "signature", "key", "writtenAt"])
            #expect(Self.isTimestamp(head["writtenAt"] as? String))
        }
    }

    @Test func anUnknownRoleIsAnsweredNamingTheField() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            let lead = try await client.login(app.leadName, app.leadPassphrase)
            for (uri, method) in [("/api/v1/invitations", HTTPRequest.Method.post), ("/api/v1/members/\(app.leadName)", .patch)] {
                let response = try await client.json(uri, method, token: lead, #"{"role": "chef"}"#)
                #expect(response.status == .unprocessableContent, "\(method) \(uri)")
                #expect(try response.errorField("code") == "unknown_code", "\(method) \(uri)")
                #expect(try response.errorField("field") == "role", "\(method) \(uri)")
            }
        }
    }

    @Test func aStrayQueryKeyIsReadAsEmptyNotRefused() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            let lead = try await client.login(app.leadName, app.leadPassphrase)
            for query in ["x", "&limit=5", "limit=5&&x", "x&from=1"] {
                #expect(try await client.json("/api/v1/audit?\(query)", .get, token: lead).status == .ok, "\(query)")
            }
            let empty = try await client.json("/api/v1/audit?limit", .get, token: lead)
            #expect(empty.status == .unprocessableContent)
            #expect(try empty.errorField("field") == "limit")
        }
    }

    @Test func withoutASessionTheAnswerIs401BeforeTheBodyIsRead() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            let response = try await client.execute(
                uri: "/api/v1/invitations", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "{"))
            #expect(response.status == .unauthorized)
            #expect(try response.errorField("code") == "unauthorized")
        }
    }
}
