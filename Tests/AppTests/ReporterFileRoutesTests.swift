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

/// A reporter's evidence file as the office opens it over SQLite: the stripped image, and the
/// opening audited.
@Suite struct ReporterFileRoutesTests {
    /// The office opens the file (the stripped image, audited), and the case names it.
    @Test func theCounsellorOpensTheStrippedFile() async throws {
        let (app, sqlite) = try await MemberTestApp.overSQLite()
        try await app.test { client in
            let lead = try await client.login(app.leadName, app.leadPassphrase)
            let (receipt, caseID) = try await APICalls.report(client, lead: lead)
            let added = try await client.execute(
                uri: "/api/v1/mailbox/files", method: .post,
                headers: [.contentType: "multipart/form-data; boundary=\(MultipartForm.boundary)"],
                body: MultipartForm.body([("receipt", receipt)], files: [("file", SampleScan.jpeg())]))
            #expect(added.status == .created)
            let opened = try APICalls.object(try await client.json("/api/v1/cases/\(caseID)", .get, token: lead))
            let messages = try #require(opened["messages"] as? [[String: Any]])
            let note = try #require(messages.compactMap { $0["file"] as? [String: Any] }.first)
            let recordID = try #require(note["id"] as? String)
            let download = try await client.execute(
                uri: "/api/v1/cases/\(caseID)/reporter-files/\(recordID)", method: .get,
                headers: [.authorization: "Bearer \(lead)"])
            #expect(download.status == .ok)
            #expect(download.headers[.contentType] == "image/jpeg")
            let bytes = [UInt8](buffer: download.body)
            #expect(bytes == SampleScan.jpeg(withEXIF: false), "the image without its EXIF segment")
            #expect(!String(decoding: bytes, as: UTF8.self).contains("GPS"))
            let unknown = try await client.execute(
                uri: "/api/v1/cases/\(caseID)/reporter-files/\(EntityID.random().hex)", method: .get,
                headers: [.authorization: "Bearer \(lead)"])
            #expect(unknown.status == .notFound)
            let audit = try await sqlite.database.writer.read { db in
                try String.fetchAll(db, sql: "SELECT action FROM audit_event WHERE action = 'case.reporter_file_viewed'")
            }
            #expect(audit.count == 1)
        }
    }
}
