import Casework
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import ScanScrubbing
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing
import WebTesting

@testable import Web

/// Scans and letters as a client sees them: raw uploads, downloads, limits, refusals, other
/// offices, and the printable letter page.
@Suite struct CaseFileRoutesTests {
    static let passphrase = CaseAPITests.passphrase

    static func upload(_ client: any TestClientProtocol, _ path: String, token: String, _ bytes: [UInt8]) async throws -> TestResponse {
        try await client.execute(
            uri: path, method: .put, headers: [.authorization: "Bearer \(token)", .contentType: "text/plain"],
            body: ByteBuffer(bytes: bytes))
    }

    /// A report with a Vollmacht on it; returns the case id and the document id.
    static func caseWithDocument(
        _ client: any TestClientProtocol, token: String,
        counterpart: String = "Hausverwaltung Süd"
    ) async throws -> (String, String) {
        let (_, caseID) = try await APICalls.report(client, lead: token)
        let party = try await client.json(
            "/api/v1/cases/\(caseID)/parties", .post, token: token, #"{"name": "\#(counterpart)", "role": "gegenseite"}"#)
        #expect(party.status == .created)
        let document = try await client.json(
            "/api/v1/cases/\(caseID)/documents", .post, token: token,
            """
            {"type": "vollmacht", "scope": ["beschwerdebrief"], "counterpart": "\(counterpart)", "signedOn": "\(CaseAPITests.today)"}
            """)
        #expect(document.status == .created)
        return (caseID, try #require(try APICalls.object(document)["id"] as? String))
    }

    @Test func aScanIsUploadedStrippedAndDownloaded() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            let lead = try await client.login(app.leadName, app.leadPassphrase)
            let (caseID, documentID) = try await Self.caseWithDocument(client, token: lead)
            let path = "/api/v1/cases/\(caseID)/documents/\(documentID)/file"

            let uploaded = try await Self.upload(client, path, token: lead, SampleScan.jpeg())
            #expect(uploaded.status == .created)
            let answer = try APICalls.object(uploaded)
            #expect(answer["mediaType"] as? String == "image/jpeg", "the type comes from the bytes, not the Content-Type")
            #expect(answer["size"] as? Int == SampleScan.jpeg(withEXIF: false).count)
            #expect(answer["hash"] as? String == EntityID.hexString(FileDigest.sha256(SampleScan.jpeg(withEXIF: false))))

            let downloaded = try await client.json(path, .get, token: lead)
            #expect(downloaded.status == .ok)
            #expect(Array(buffer: downloaded.body) == SampleScan.jpeg(withEXIF: false))
            #expect(downloaded.headers[.contentType] == "image/jpeg")
            #expect(downloaded.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            #expect(downloaded.headers[.cacheControl] == "no-store")

            let opened = try APICalls.object(try await client.json("/api/v1/cases/\(caseID)", .get, token: lead))
            let file = ((opened["documents"] as? [[String: Any]])?.first?["file"] as? [String: Any])
            #expect(file?["hash"] as? String == answer["hash"] as? String)
        }
        let actions = try await app.store.auditEntries(chain: app.office.id, from: 1, limit: 500).map(\.event.action)
        #expect(actions.contains("case.document_file_attached") && actions.contains("case.document_file_viewed"))
    }

    @Test func oversizedTextAndForeignUploadsAreRefused() async throws {
        let app = try await MemberTestApp()
        let otherKeys = try OfficeKeys.generate()
        let other = try await app.stores.setup.createOffice(name: "Beratung Dortmund", profile: OfficeProfile(), keys: otherKeys)
        try await app.addMember("berater.dortmund", office: other, keys: otherKeys)
        try await app.test { client in
            let lead = try await client.login(app.leadName, app.leadPassphrase)
            let (caseID, documentID) = try await Self.caseWithDocument(client, token: lead)
            let path = "/api/v1/cases/\(caseID)/documents/\(documentID)/file"

            let large = try await Self.upload(
                client, path, token: lead, SampleScan.jpeg() + [UInt8](repeating: 0, count: MetadataStripper.maximumSize))
            #expect(large.status == .contentTooLarge)
            #expect(try APICalls.errorCode(large) == "too_large")
            #expect((try APICalls.object(large)["error"] as? [String: Any])?["field"] as? String == "file")

            let text = try await Self.upload(client, path, token: lead, Array("Vollmacht von Erika Mustermann".utf8))
            #expect(text.status == .unprocessableContent)
            #expect((try APICalls.object(text)["error"] as? [String: Any])?["field"] as? String == "file")
            #expect(!String(buffer: text.body).contains("Erika"))
            #expect(try await client.json(path, .get, token: lead).status == .notFound, "nothing was stored")

            #expect(try await Self.upload(client, path, token: lead, SampleScan.jpeg()).status == .created)
            let missing = try await client.json("/api/v1/cases/\(EntityID.random().hex)/documents/\(documentID)/file", .get, token: lead)
            let foreign = try await client.login("berater.dortmund", Self.passphrase)
            for response in [
                try await client.json(path, .get, token: foreign), try await Self.upload(client, path, token: foreign, SampleScan.jpeg()),
                try await client.json("/api/v1/cases/\(caseID)/documents/\(EntityID.random().hex)/file", .get, token: lead),
                try await client.json("/api/v1/cases/\(caseID)/documents/not-an-id/file", .get, token: lead),
            ] {
                #expect(response.status == .notFound)
                #expect(response.body == missing.body, "another office's scan looks like a missing one")
            }
            #expect(try await client.json(path, .get).status == .unauthorized)
        }
    }

    @Test func aLetterIsGeneratedAndPrintedAsAPage() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            let lead = try await client.login(app.leadName, app.leadPassphrase)
            let (caseID, _) = try await Self.caseWithDocument(client, token: lead, counterpart: "<b>Müller & Söhne</b>")
            let unknown = try await client.json("/api/v1/cases/\(caseID)/letters", .post, token: lead, #"{"template": "index"}"#)
            #expect(unknown.status == .unprocessableContent)
            #expect((try APICalls.object(unknown)["error"] as? [String: Any])?["field"] as? String == "template")

            let created = try await client.json("/api/v1/cases/\(caseID)/letters", .post, token: lead, #"{"template": "beschwerdebrief"}"#)
            #expect(created.status == .created)
            let letterID = try #require(try APICalls.object(created)["id"] as? String)

            let page = try await client.json("/api/v1/cases/\(caseID)/letters/\(letterID)", .get, token: lead)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.headers[.contentSecurityPolicy] == LetterPage.contentSecurityPolicy)
            let html = String(buffer: page.body)
            let reference = CaseReference.of(try #require(EntityID(hex: caseID)))
            #expect(html.hasPrefix("<!doctype html>"))
            #expect(html.contains("Unser Zeichen: \(reference)"))
            #expect(html.contains("&lt;b&gt;Müller &amp; Söhne&lt;/b&gt;"))
            #expect(!html.contains("<b>Müller"))
            #expect(html.contains("Köln, \(Day(Date()).germanLong)"), "place and date")
            #expect(html.contains("[[ Straße und Hausnummer ]]"))
            #expect(html.contains("[[ Anlass in wenigen Worten"), "the subject is left to the counsellor")
            #expect(html.contains("[[ Datum des Vorfalls ]]"), "the report names no incident day")

            let opened = try APICalls.object(try await client.json("/api/v1/cases/\(caseID)", .get, token: lead))
            #expect((opened["letters"] as? [[String: Any]])?.map { $0["id"] as? String } == [letterID])
            #expect(
                try await client.json("/api/v1/cases/\(caseID)/letters/\(EntityID.random().hex)", .get, token: lead).status == .notFound)
        }
        let events = try await app.store.auditEntries(chain: app.office.id, from: 1, limit: 500).map(\.event)
        #expect(events.contains { $0.action == "case.letter_generated" && $0.subject.hasSuffix(" beschwerdebrief") })
        #expect(events.contains { $0.action == "case.letter_viewed" })
        #expect(!events.contains { $0.subject.contains("Müller") })
    }
}
