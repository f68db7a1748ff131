import Foundation
import Hummingbird
import HummingbirdTesting
import Intake
import NIOCore
import ReporterContract
import Testing

@testable import Web

/// The reporter's routes behind the generated interface answer as the hand-written ones did:
/// the same codes and fields, padded mailbox answers, compact JSON, nothing of a report lost.
@Suite struct ReporterContractTests {
    static let report = #"{"language": "de", "narrative": "n", "contactWish": "mailbox", "consent": true}"#

    @Test func everyMailboxRoutePadsItsRefusals() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let created = try await client.postJSON("/api/v1/reports", Self.report)
            let receipt = try #require(try created.json()["receipt"] as? String)
            var answers: [(name: String, status: Int, code: String, response: TestResponse)] = []
            for route in ["/api/v1/mailbox", "/api/v1/mailbox/messages", "/api/v1/mailbox/withdraw"] {
                let cases: [(String, Int, String, String)] = [
                    ("malformed", 400, "receipt_malformed", #"{"receipt": "ABC", "text": "t"}"#),
                    ("unknown", 404, "receipt_unknown", #"{"receipt": "0000-0000-0000-0000-0000", "text": "t"}"#),
                    ("missing", 422, "validation_failed", "{}"),
                    ("wrong type", 400, "bad_request", #"{"receipt": 7, "text": "t"}"#),
                    ("not JSON", 400, "bad_request", "{receipt"),
                ]
                for (name, status, code, body) in cases {
                    answers.append(("\(route) \(name)", status, code, try await client.postJSON(route, body)))
                }
                let text = try await client.execute(
                    uri: route, method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "{}"))
                answers.append(("\(route) media type", 415, "unsupported_media_type", text))
            }
            let empty = try await client.postJSON("/api/v1/mailbox/messages", #"{"receipt": "\#(receipt)", "text": "  "}"#)
            answers.append(("empty message", 422, "validation_failed", empty))
            answers.append(("file as JSON", 415, "unsupported_media_type", try await client.postJSON("/api/v1/mailbox/files", "{}")))
            for answer in answers {
                #expect(answer.response.status.code == answer.status, "\(answer.name)")
                #expect(try answer.response.errorField("code") == answer.code, "\(answer.name)")
                #expect(answer.response.body.readableBytes % ResponsePadding.block == 0, "\(answer.name) is padded")
                #expect(answer.response.headers[.contentLength] == String(answer.response.body.readableBytes), "\(answer.name)")
            }
            #expect(try empty.errorField("field") == "text")
        }
    }

    @Test func mailboxRequestsAreCountedBeforeTheirBodyIsRead() async throws {
        let app = try await TestApp(
            settings: WebSettings(intakePerAddressPerHour: 0, intakeGlobalPerSecond: 0, mailboxPerAddressPerMinute: 1))
        try await app.test { client in
            let first = try await client.execute(
                uri: "/api/v1/mailbox", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "{}"))
            #expect(first.status == .unsupportedMediaType)
            let second = try await client.postJSON("/api/v1/mailbox/withdraw", #"{"receipt": "0000-0000-0000-0000-0000"}"#)
            #expect(second.status == .tooManyRequests)
            #expect(try second.errorField("code") == "rate_limited")
            #expect(second.body.readableBytes % ResponsePadding.block == 0)
            let offices = try await client.execute(uri: "/api/v1/offices", method: .get)
            #expect(offices.status == .ok, "the offices list has no limit")
        }
    }

    @Test func everyMemberOfAReportReachesTheMailbox() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let created = try await client.postJSON(
                "/api/v1/reports",
                """
                {"language": "tr", "narrative": "Marker-9", "incidentDate": "2026-01-02", "learnedDate": "2026-01-05",
                 "grounds": ["antisemitismus"], "region": "05913", "contactWish": "none", "consent": true}
                """)
            #expect(created.status == .created)
            let receipt = try #require(try created.json()["receipt"] as? String)
            let read = try await client.postJSON("/api/v1/mailbox", #"{"receipt": "\#(receipt)", "includeReport": true}"#)
            let report = try #require(try read.json()["report"] as? [String: Any])
            #expect(report["incidentDate"] as? String == "2026-01-02")
            #expect(report["learnedDate"] as? String == "2026-01-05")
            #expect(report["grounds"] as? [String] == ["antisemitismus"])
            #expect(report["region"] as? String == "05913")
            #expect(report["language"] as? String == "tr")
            #expect(report["contactWish"] as? String == "none")
            #expect(report["narrative"] as? String == "Marker-9")
        }
    }

    @Test(arguments: [#""incidentDate": """#, #""incidentDate": null"#, #""learnedDate": "", "incidentDate": null"#])
    func anEmptyOrNullDateCountsAsAbsent(member: String) async throws {
        let app = try await TestApp()
        try await app.test { client in
            let body = #"{"language": "de", "narrative": "n", "contactWish": "mailbox", "consent": true, \#(member)}"#
            let response = try await client.postJSON("/api/v1/reports", body)
            #expect(response.status == .created)
        }
    }

    /// Consent is asked last and null is refused like false, as before the generated interface.
    @Test(arguments: [
        (#"{"language": "de", "narrative": "n", "contactWish": "mailbox"}"#, "validation_failed", "consent"),
        (#"{"language": "de", "narrative": "n", "contactWish": "mailbox", "consent": null}"#, "validation_failed", "consent"),
        (#"{"language": "de", "narrative": "n", "contactWish": "mailbox", "consent": false}"#, "validation_failed", "consent"),
        (#"{"language": "xx", "narrative": "n", "contactWish": "mailbox", "consent": null}"#, "unknown_code", "language"),
        (#"{"language": "de", "narrative": " ", "contactWish": "mailbox"}"#, "validation_failed", "narrative"),
    ])
    func consentIsCheckedByTheValidator(body: String, code: String, field: String) async throws {
        let app = try await TestApp()
        try await app.test { client in
            let response = try await client.postJSON("/api/v1/reports", body)
            #expect(response.status == .unprocessableContent)
            #expect(try response.errorField("code") == code)
            #expect(try response.errorField("field") == field)
        }
        #expect(await app.store.caseCount == 0)
    }

    @Test func answersAreCompactSortedJSONWhateverTheClientAccepts() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let offices = try await client.execute(uri: "/api/v1/offices", method: .get, headers: [.accept: "text/html"])
            #expect(offices.status == .ok)
            #expect(offices.headers[.contentType] == "application/json; charset=utf-8")
            #expect(offices.text.hasPrefix(#"{"offices":[{"city":"Köln","dataProtection":{""#))
            #expect(!offices.text.contains("\n") && !offices.text.contains(#"\/"#))
            let created = try await client.execute(
                uri: "/api/v1/reports", method: .post, headers: [.contentType: "application/json", .accept: "text/html"],
                body: ByteBuffer(string: Self.report))
            #expect(created.status == .created)
            #expect(created.text.hasPrefix(#"{"firstResponseBy":"#) || created.text.hasPrefix(#"{"office":{"id":"#))
        }
    }

    /// Every member of the domain's submission survives the generated type and back: a member the
    /// generator dropped (as it dropped `incidentDate` under `anyOf` with "null") fails here.
    @Test func theGeneratedSubmissionKeepsEveryMember() throws {
        let full = ReportSubmission(
            language: "de", narrative: "n", incidentDate: "2026-01-02", learnedDate: "2026-01-03", grounds: ["g"], area: "a",
            region: "05913", role: "r", contactWish: "contact", contact: "c", office: "o", consent: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try encoder.encode(full)
        let generated = try JSONDecoder().decode(Components.Schemas.ReportSubmission.self, from: json)
        #expect(try encoder.encode(ReportSubmission(generated)) == json)
        #expect(try encoder.encode(generated) == json)
    }
}

extension ReporterContractTests {
    /// The generator reads the document the server serves: its input is a symlink to it, no copy.
    @Test func theGeneratorReadsTheServedDocument() throws {
        let link = TestApp.root.appendingPathComponent("Sources/ReporterContract/openapi.yaml")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "../../Templates/api/openapi.yaml")
    }
}
