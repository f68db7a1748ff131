import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WebTesting

@testable import Members
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

    /// The generated handler sees no headers: `ThrottleAddress` hands the client's address (here
    /// from the trusted proxy's `X-Forwarded-For`) to the login throttle, for a login and for a
    /// passphrase change alike.
    @Test func theLoginThrottleCountsTheClientsAddress() async throws {
        // A day's window: one token in 48 minutes, so none comes back between the requests.
        let app = try await MemberTestApp(addressWindow: .seconds(24 * 60 * 60))
        // A router test's request has no peer, so the proxy it comes through is `unknown`.
        let services = app.app.web(
            settings: WebSettings(
                trustedProxy: "unknown", intakePerAddressPerHour: 0, intakeGlobalPerSecond: 0, mailboxPerAddressPerMinute: 0))
        try await Application(router: buildRouter(services)).test(.router) { client in
            let lead = try await client.login(app.leadName, app.leadPassphrase)
            var used = 0
            while used < 1000, let attempt = try? await app.members.throttle.begin("gast\(used)", address: "203.0.113.9") {
                await app.members.throttle.finish(attempt, succeeded: false)
                used += 1
            }
            let before = app.members.passphraseHashes
            let forwarded: HTTPFields = [.contentType: "application/json", .xForwardedFor: "203.0.113.9"]
            let login = try await client.execute(
                uri: "/api/v1/sessions", method: .post, headers: forwarded,
                body: ByteBuffer(string: #"{"username": "\#(app.leadName)", "passphrase": "\#(app.leadPassphrase)"}"#))
            #expect(login.status == .tooManyRequests)
            var withToken = forwarded
            withToken[.authorization] = "Bearer \(lead)"
            let change = try await client.execute(
                uri: "/api/v1/passphrase", method: .post, headers: withToken,
                body: ByteBuffer(string: #"{"current": "\#(app.leadPassphrase)", "new": "Tanne-Birke-Spiegel-71"}"#))
            #expect(change.status == .tooManyRequests)
            #expect(app.members.passphraseHashes == before, "refused without a hash")
            // Another client behind the same proxy is its own bucket.
            #expect(
                try await client.json(
                    "/api/v1/sessions", .post, #"{"username": "\#(app.leadName)", "passphrase": "\#(app.leadPassphrase)"}"#
                ).status == .created)
        }
    }
}
