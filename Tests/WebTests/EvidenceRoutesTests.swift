import Casework
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import SichtbarCore
import SichtbarTesting
import Testing
import WebTesting

@testable import Web

/// Evidence files from the reporter (issue 14, item 4): on the form, through the mailbox page and
/// the API; stripped, sealed under the mailbox key, listed in the mailbox, opened by the office.
@Suite struct EvidenceRoutesTests {
    static func post(_ client: any TestClientProtocol, _ uri: String, _ body: ByteBuffer) async throws -> TestResponse {
        try await client.execute(
            uri: uri, method: .post,
            headers: [.contentType: "multipart/form-data; boundary=\(MultipartForm.boundary)", .secFetchSite: "same-origin"], body: body)
    }

    static let gpsJPEG = SampleScan.jpeg()
    /// A PNG whose signature is damaged: its metadata cannot be removed with certainty.
    static let damaged: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x00, 0x00] + [UInt8](repeating: 7, count: 40)
    static let gif = Array("GIF89a".utf8) + [UInt8](repeating: 0, count: 20)

    @Test func theFormTakesFilesStrippedAndTheMailboxListsThem() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let form = try await client.execute(uri: "/?lang=en", method: .get)
            #expect(form.text.contains("enctype=\"multipart/form-data\""))
            #expect(form.text.contains("type=\"file\" id=\"files\" name=\"files\" multiple"))
            let answer = try await Self.post(
                client, "/receipt?lang=en",
                MultipartForm.body(
                    [("token", try #require(form.token())), ("narrative", "With a photo"), ("contactWish", "mailbox"), ("consent", "yes")],
                    files: [("files", Self.gpsJPEG), ("files", Self.gpsJPEG), ("files", [])]))
            #expect(answer.status == .created)
            let receipt = try #require(
                answer.text.replacing(/<[^>]+>/, with: "").firstMatch(of: /[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}/)?.0)
            let mailbox = try await client.postJSON("/api/v1/mailbox", #"{"receipt": "\#(receipt)"}"#)
            let files = try #require(try mailbox.json()["files"] as? [[String: Any]])
            #expect(files.count == 2, "two files; the empty file input is no file")
            #expect(files.allSatisfy { $0["type"] as? String == "image/jpeg" && ($0["size"] as? Int ?? 0) < Self.gpsJPEG.count })
            #expect((try mailbox.json()["messages"] as? [Any])?.isEmpty == true, "a file is not a text message")
        }
        // No byte of the GPS position or of the client's file name is stored, even sealed.
        let stored = await app.store.allRecords()
        #expect(stored.count == 1 + 2 * 2, "the report, and per file its bytes and the message naming them")
        #expect(stored.filter { $0.kind == .reporterFile }.count == 2)
    }

    @Test func aFileThatCannotBeStrippedRefusesTheReportAndStoresNothing() async throws {
        let app = try await TestApp()
        try await app.test { client in
            for (file, words) in [
                (Self.damaged, "cannot safely remove the hidden information"), (Self.gif, "only photos (JPEG, PNG) and PDF"),
            ] {
                let form = try await client.execute(uri: "/?lang=en", method: .get)
                let answer = try await Self.post(
                    client, "/receipt?lang=en",
                    MultipartForm.body(
                        [
                            ("token", try #require(form.token())), ("narrative", "Kept text"), ("contactWish", "mailbox"),
                            ("consent", "yes"),
                        ],
                        files: [("files", Self.gpsJPEG), ("files", file)]))
                #expect(answer.status == .unprocessableContent)
                #expect(answer.text.contains(words))
                #expect(answer.text.contains("Please choose your files again."))
                #expect(answer.text.contains("Kept text"))
                #expect(
                    answer.text.contains(
                        "name=\"files\" multiple accept=\"image/jpeg,image/png,application/pdf\" aria-describedby=\"files-hint\" aria-invalid=\"true\""
                    ))
            }
            let form = try await client.execute(uri: "/?lang=en", method: .get)
            let tooMany = try await Self.post(
                client, "/receipt?lang=en",
                MultipartForm.body(
                    [("token", try #require(form.token())), ("narrative", "x"), ("contactWish", "mailbox"), ("consent", "yes")],
                    files: Array(repeating: ("files", Self.gpsJPEG), count: 6)))
            #expect(tooMany.status == .unprocessableContent)
        }
        #expect(await app.store.caseCount == 0)
    }

    @Test func theMailboxTakesFilesByPageAndAPIUpToFive() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let submitted = try await client.postJSON(
                "/api/v1/reports", #"{"language": "de", "narrative": "x", "contactWish": "mailbox", "consent": true}"#)
            let receipt = try #require(try submitted.json()["receipt"] as? String)
            // The page: open the mailbox, send a file with the form it shows.
            let mailboxForm = try await client.execute(uri: "/mailbox?lang=de", method: .get)
            let opened = try await client.postForm(
                "/mailbox?lang=de", [("token", try #require(mailboxForm.token())), ("receipt", receipt)],
                headers: [.secFetchSite: "same-origin"])
            #expect(opened.text.contains("action=\"/mailbox/files?lang=de\" enctype=\"multipart/form-data\""))
            let fileToken = try #require(
                opened.text.firstMatch(of: /action="\/mailbox\/files\?lang=de"[^>]*>\s*<input type="hidden" name="token" value="([^"]+)"/)?
                    .1)
            let sent = try await Self.post(
                client, "/mailbox/files?lang=de",
                MultipartForm.body(
                    [("token", String(fileToken)), ("receipt", receipt)], files: [("file", Self.gpsJPEG)]))
            #expect(sent.status == .created)
            #expect(sent.text.contains("Ihre Datei ist angekommen."))
            #expect(sent.text.contains("Ihre Dateien: JPEG"))
            // The API, three more.
            for _ in 0..<3 {
                let added = try await client.execute(
                    uri: "/api/v1/mailbox/files", method: .post,
                    headers: [.contentType: "multipart/form-data; boundary=\(MultipartForm.boundary)"],
                    body: MultipartForm.body([("receipt", receipt)], files: [("file", Self.gpsJPEG)]))
                #expect(added.status == .created)
                #expect(added.body.readableBytes % 4096 == 0, "padded like every mailbox answer")
            }
            for (file, status, code) in [
                (Self.damaged, HTTPResponse.Status.unprocessableContent, "validation_failed"),
                (Self.gif, .unprocessableContent, "unknown_code"),
            ] {
                let refused = try await client.execute(
                    uri: "/api/v1/mailbox/files", method: .post,
                    headers: [.contentType: "multipart/form-data; boundary=\(MultipartForm.boundary)"],
                    body: MultipartForm.body([("receipt", receipt)], files: [("file", file)]))
                #expect(refused.status == status)
                #expect(try refused.errorField("code") == code)
                #expect(try refused.errorField("field") == "file")
            }
            let fifth = try await client.execute(
                uri: "/api/v1/mailbox/files", method: .post,
                headers: [.contentType: "multipart/form-data; boundary=\(MultipartForm.boundary)"],
                body: MultipartForm.body([("receipt", receipt)], files: [("file", Self.gpsJPEG)]))
            #expect(fifth.status == .created)
            let sixth = try await client.execute(
                uri: "/api/v1/mailbox/files", method: .post,
                headers: [.contentType: "multipart/form-data; boundary=\(MultipartForm.boundary)"],
                body: MultipartForm.body([("receipt", receipt)], files: [("file", Self.gpsJPEG)]))
            #expect(sixth.status == .contentTooLarge)
            let notMultipart = try await client.postJSON("/api/v1/mailbox/files", #"{"receipt": "\#(receipt)"}"#)
            #expect(notMultipart.status == .unsupportedMediaType)
            let files = try #require(
                try (await client.postJSON("/api/v1/mailbox", #"{"receipt": "\#(receipt)"}"#)).json()["files"] as? [Any])
            #expect(files.count == 5)
            let full = try await client.postForm(
                "/mailbox?lang=de",
                [
                    ("token", try #require((try await client.execute(uri: "/mailbox?lang=de", method: .get)).token())),
                    ("receipt", receipt),
                ], headers: [.secFetchSite: "same-origin"])
            #expect(!full.text.contains("/mailbox/files"), "no file form once five files are there")
        }
        #expect(await app.store.allRecords().filter { $0.kind == .reporterFile }.count == 5)
    }
}
