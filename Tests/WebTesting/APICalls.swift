import Foundation
import HummingbirdTesting
import NIOCore
import Testing

/// Calls of the member API that route tests make again and again: a report through intake, an
/// invitation and enrolment, the JSON object of an answer and its error code.
public enum APICalls {
    public static func object(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    public static func errorCode(_ response: TestResponse) throws -> String? {
        (try object(response)["error"] as? [String: Any])?["code"] as? String
    }

    /// A report through intake; returns its receipt and, as the lead sees it, its case id.
    public static func report(
        _ client: any TestClientProtocol, lead: String,
        narrative: String = "Die Hausverwaltung sagte, sie vermiete nicht an Ausländer."
    ) async throws -> (String, String) {
        let before = try await caseIDs(client, lead: lead)
        let submitted = try await client.json(
            "/api/v1/reports", .post,
            #"{"language": "de", "narrative": "\#(narrative)", "contactWish": "mailbox", "consent": true, "grounds": ["rassistische_zuschreibung"]}"#
        )
        #expect(submitted.status == .created)
        let receipt = try #require(try object(submitted)["receipt"] as? String)
        let added = try await caseIDs(client, lead: lead).subtracting(before)
        #expect(added.count == 1)
        return (receipt, try #require(added.first))
    }

    /// Every case id the member's list shows (up to 100).
    public static func caseIDs(_ client: any TestClientProtocol, lead: String) async throws -> Set<String> {
        let cases = try #require(try object(try await client.json("/api/v1/cases", .get, token: lead))["cases"] as? [[String: Any]])
        return Set(cases.compactMap { $0["id"] as? String })
    }

    /// Invites a member through the API; returns the invitation token.
    public static func invite(_ client: any TestClientProtocol, lead: String, role: String = "counsellor") async throws -> String {
        let invitation = try await client.json("/api/v1/invitations", .post, token: lead, #"{"role": "\#(role)"}"#)
        #expect(invitation.status == .created)
        return try #require(try object(invitation)["invitation"] as? String)
    }

    /// Invites and enrols a member through the API; returns their bearer token.
    public static func enrol(
        _ client: any TestClientProtocol, lead: String, role: String, username: String,
        passphrase: String
    ) async throws -> String {
        let token = try await invite(client, lead: lead, role: role)
        let enrolment = try await client.json(
            "/api/v1/enrolment", .post,
            #"{"invitation": "\#(token)", "username": "\#(username)", "passphrase": "\#(passphrase)"}"#)
        #expect(enrolment.status == .created)
        return try await client.login(username, passphrase)
    }
}
