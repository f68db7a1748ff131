import Casework
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WebTesting

@testable import Web

@Suite struct ReporterAPITests {
    static func isReceipt(_ text: String) -> Bool {
        text.wholeMatch(of: /[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}/) != nil
    }

    @Test func officesShowTheirPublicFaceOnly() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let response = try await client.execute(uri: "/api/v1/offices", method: .get)
            #expect(response.status == .ok)
            let offices = try #require(try response.json()["offices"] as? [[String: Any]])
            #expect(offices.map { $0["name"] as? String } == ["Beratung Köln", "Beratung Dortmund"])
            #expect(!response.text.contains("publicKey") && !response.text.contains("member"))
        }
    }

    @Test func aReportIsAnsweredWithAReceipt() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let response = try await client.postJSON(
                "/api/v1/reports",
                """
                {"language": "de", "narrative": "Im Bus beleidigt", "grounds": ["antisemitismus"], "region": "05913",
                 "incidentDate": "2026-01-02", "contactWish": "mailbox", "consent": true}
                """)
            #expect(response.status == .created)
            let receipt = try #require(try response.json()["receipt"] as? String)
            #expect(Self.isReceipt(receipt))
            #expect(try response.json()["status"] as? String == "eingegangen")
            #expect(response.headers[.setCookie] == nil)
        }
        #expect(await app.store.caseCount == 1)
    }

    @Test(arguments: [
        (#"{"language": "de", "narrative": "   ", "contactWish": "mailbox", "consent": true}"#, 422, "validation_failed", "narrative"),
        (#"{"language": "xx", "narrative": "a", "contactWish": "mailbox", "consent": true}"#, 422, "unknown_code", "language"),
        (
            #"{"language": "de", "narrative": "a", "contactWish": "mailbox", "consent": true, "grounds": ["nope"]}"#, 422, "unknown_code",
            "grounds"
        ),
        (
            #"{"language": "de", "narrative": "a", "contactWish": "mailbox", "consent": true, "grounds": "antisemitismus"}"#, 400,
            "bad_request", "grounds"
        ),
        (#"{"language": "de", "narrative": "a", "contactWish": "mailbox", "consent": true, "area": 7}"#, 400, "bad_request", "area"),
        (
            #"{"language": "de", "narrative": "a", "contactWish": "mailbox", "consent": true, "region": "99999"}"#, 422, "unknown_code",
            "region"
        ),
        (
            #"{"language": "de", "narrative": "a", "contactWish": "mailbox", "consent": true, "incidentDate": "2999-01-01"}"#, 422,
            "validation_failed", "incidentDate"
        ),
        (
            #"{"language": "de", "narrative": "a", "contactWish": "mailbox", "consent": true, "incidentDate": "02.01.2026"}"#, 422,
            "validation_failed", "incidentDate"
        ),
        (#"{"language": "de", "narrative": "a", "contactWish": "contact", "consent": true}"#, 422, "validation_failed", "contact"),
        (#"{"language": "de", "narrative": "a", "contactWish": "telepathy"}"#, 422, "unknown_code", "contactWish"),
        (#"{"language": "de", "contactWish": "mailbox", "consent": true}"#, 422, "validation_failed", "narrative"),
        (
            #"{"language": "de", "narrative": "a", "contactWish": "mailbox", "consent": true, "office": "00000000000000000000000000000000"}"#,
            422, "unknown_code", "office"
        ),
    ])
    func badReportsNameTheFieldAndStoreNothing(body: String, status: Int, code: String, field: String) async throws {
        let app = try await TestApp()
        try await app.test { client in
            let response = try await client.postJSON("/api/v1/reports", body)
            #expect(response.status.code == status)
            #expect(try response.errorField("code") == code)
            #expect(try response.errorField("field") == field)
        }
        #expect(await app.store.caseCount == 0)
    }

    @Test func brokenBodiesAreRefused() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let invalidUTF8 = try await client.execute(
                uri: "/api/v1/reports", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(bytes: Array(#"{"narrative": ""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)))
            #expect(invalidUTF8.status == .badRequest)
            #expect(try invalidUTF8.errorField("message")?.contains("UTF-8") == true)
            let notJSON = try await client.postJSON("/api/v1/reports", "{narrative")
            #expect(notJSON.status == .badRequest)
            let huge = try await client.postJSON("/api/v1/reports", #"{"narrative": ""# + String(repeating: "x", count: 200_000) + #""}"#)
            #expect(huge.status == .contentTooLarge)
            #expect(try huge.errorField("code") == "too_large")
            let long = try await client.postJSON(
                "/api/v1/reports",
                #"{"language": "de", "contactWish": "mailbox", "consent": true, "narrative": ""#
                    + String(repeating: "x", count: 20_001) + #""}"#)
            #expect(long.status == .contentTooLarge)
            #expect(try long.errorField("field") == "narrative")
        }
        #expect(await app.store.caseCount == 0)
    }

    @Test func mailboxReadsWritesAndWithdraws() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let created = try await client.postJSON(
                "/api/v1/reports",
                #"{"language": "en", "narrative": "Marker-7 at the Bürgeramt", "contactWish": "mailbox", "consent": true}"#)
            let receipt = try #require(try created.json()["receipt"] as? String)
            let sloppy = receipt.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "0", with: "o")
            let message = try await client.postJSON("/api/v1/mailbox/messages", #"{"receipt": "\#(sloppy)", "text": "One more thing"}"#)
            #expect(message.status == .created)
            let read = try await client.postJSON("/api/v1/mailbox", #"{"receipt": "\#(receipt)", "includeReport": true}"#)
            #expect(read.status == .ok)
            #expect(read.body.readableBytes % 4096 == 0, "mailbox answers are padded")
            let json = try read.json()
            #expect(json["status"] as? String == "eingegangen")
            #expect((json["report"] as? [String: Any])?["narrative"] as? String == "Marker-7 at the Bürgeramt")
            let messages = try #require(json["messages"] as? [[String: Any]])
            #expect(messages.first?["text"] as? String == "One more thing")
            #expect(messages.first?["from"] as? String == "reporter")
            let withoutReport = try await client.postJSON("/api/v1/mailbox", #"{"receipt": "\#(receipt)"}"#)
            #expect(try withoutReport.json()["report"] == nil)

            let withdrawn = try await client.postJSON("/api/v1/mailbox/withdraw", #"{"receipt": "\#(receipt)"}"#)
            #expect(try withdrawn.json()["status"] as? String == "geloescht")
            let afterwards = try await client.postJSON("/api/v1/mailbox", #"{"receipt": "\#(receipt)"}"#)
            let unknown = try await client.postJSON("/api/v1/mailbox", #"{"receipt": "0000-0000-0000-0000-0000"}"#)
            #expect(afterwards.status == .notFound)
            #expect(afterwards.text == unknown.text, "withdrawn and unknown receipts answer identically")
            #expect(try afterwards.errorField("code") == "receipt_unknown")
            #expect(afterwards.body.readableBytes % 4096 == 0)

            let malformed = try await client.postJSON("/api/v1/mailbox", #"{"receipt": "ABC"}"#)
            #expect(malformed.status == .badRequest)
            #expect(try malformed.errorField("code") == "receipt_malformed")
        }
        #expect(await app.store.caseCount == 0)
    }

    @Test func storeFailureIsA503AndNoReceipt() async throws {
        let app = try await TestApp()
        await app.store.setFailWrites(true)
        try await app.test { client in
            let response = try await client.postJSON(
                "/api/v1/reports", #"{"language": "de", "narrative": "a", "contactWish": "mailbox", "consent": true}"#)
            #expect(response.status == .serviceUnavailable)
            #expect(try response.errorField("code") == "unavailable")
            #expect(!response.text.contains("receipt\""))
        }
    }

    /// The limiter's key and buckets start afresh each day (so buckets cannot be linked across
    /// days); a run that straddles midnight UTC is tried once more within one day.
    @Test func intakeIsRateLimited() async throws {
        for attempt in 1...2 {
            let day = { Int(Date().timeIntervalSince1970 / 86_400) }
            let started = day()
            let app = try await TestApp(settings: WebSettings(intakePerAddressPerHour: 2, intakeGlobalPerSecond: 0))
            let statuses = try await app.test { client in
                var statuses: [UInt16] = []
                for _ in 0..<3 {
                    let response = try await client.postJSON(
                        "/api/v1/reports", #"{"language": "de", "narrative": "a", "contactWish": "mailbox", "consent": true}"#)
                    statuses.append(UInt16(response.status.code))
                }
                return statuses
            }
            if attempt == 1, day() != started { continue }
            #expect(statuses == [201, 201, 429])
            #expect(await app.store.caseCount == 2)
            return
        }
    }

    @Test func healthReportsAnUnwritableStore() async throws {
        let healthy = try await TestApp(healthy: true).test { client in
            try await client.execute(uri: "/healthz", method: .get).status
        }
        let unwritable = try await TestApp(healthy: false).test { client in
            try await client.execute(uri: "/healthz", method: .get).status
        }
        #expect(healthy == .ok)
        #expect(unwritable == .serviceUnavailable)
    }
}
