import Casework
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WebTesting

@testable import Web

/// Issue 13, item 10: the audit API's query is validated, and the members page's invitation form
/// creates one invitation however often it is sent.
@Suite struct MemberFormHardeningTests {
    @Test func theAuditAPIRefusesBadLimitsAndStartsNamingTheField() async throws {
        let app = try await MemberTestApp()
        try await app.addMember("berater.audit", role: .counsellor)
        try await app.test { client in
            let token = try await client.login(app.leadName, app.leadPassphrase)
            for (query, field) in [
                ("limit=100000", "limit"), ("limit=0", "limit"), ("limit=-3", "limit"), ("limit=abc", "limit"),
                ("limit=501", "limit"), ("from=0", "from"), ("from=-1", "from"), ("from=x", "from"),
                ("from=18446744073709551615", "from"), ("from=99999999999999999999", "from"),
            ] {
                let response = try await client.json("/api/v1/audit?\(query)", .get, token: token)
                #expect(response.status == .unprocessableContent, "\(query)")
                #expect(try response.errorField("code") == "validation_failed", "\(query)")
                #expect(try response.errorField("field") == field, "\(query)")
            }
            for query in ["", "limit=500", "limit=1&from=1", "from=9223372036854775807"] {
                #expect(try await client.json("/api/v1/audit?\(query)", .get, token: token).status == .ok, "\(query)")
            }
            let counsellor = try await client.login("berater.audit", "Kompass-Rhein-Laterne-42")
            #expect(
                try await client.json("/api/v1/audit?limit=100000", .get, token: counsellor).status == .notFound,
                "a counsellor learns nothing from a bad query either")
        }
    }

    @Test func memberJSONRoutesRefuseOtherMediaTypes() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            let body = ByteBuffer(string: #"{"username": "\#(app.leadName)", "passphrase": "\#(app.leadPassphrase)"}"#)
            let refused = try await client.execute(
                uri: "/api/v1/sessions", method: .post, headers: [.contentType: "text/plain"], body: body)
            #expect(refused.status == .unsupportedMediaType)
            #expect(try refused.errorField("code") == "unsupported_media_type")
        }
    }

    @Test func anInvitationFormCreatesOneInvitation() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            let cookie = try await client.pageSession(app.leadName, app.leadPassphrase)
            let page = try await client.page("/members?lang=en", cookie: cookie)
            let csrf = try #require(page.token(named: "csrf"))
            let token = try #require(page.token(named: "token"))
            let fields = [("csrf", csrf), ("token", token), ("role", "counsellor")]
            let first = try await client.memberPost("/members/invite?lang=en", fields, cookie: cookie)
            #expect(first.status == .created)
            for _ in 0..<2 {
                let again = try await client.memberPost("/members/invite?lang=en", fields, cookie: cookie)
                #expect(again.status == .conflict)
                #expect(!again.text.contains("invitation-token"))
            }
            let tokenless = try await client.memberPost(
                "/members/invite?lang=en", [("csrf", csrf), ("role", "counsellor")], cookie: cookie)
            #expect(tokenless.status == .badRequest)
            #expect(try await app.store.pendingInvitations(officeID: app.office.id, now: Date()).count == 1)
        }
    }
}
