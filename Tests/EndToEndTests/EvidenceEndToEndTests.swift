import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Evidence files on the real binary (issue 14, item 4): a photo with an EXIF GPS position is
/// stored without it and the counsellor opens it; a file whose metadata cannot be removed is
/// refused and nothing is stored.
@Suite(.serialized) struct EvidenceEndToEndTests {
    /// A JPEG whose EXIF segment carries a GPS position; `withEXIF: false` is the same image without it.
    static func jpeg(withEXIF: Bool = true) -> [UInt8] {
        func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
            [0xFF, marker, UInt8((payload.count + 2) >> 8), UInt8((payload.count + 2) & 0xFF)] + payload
        }
        let exif = segment(0xE1, Array("Exif".utf8) + [0, 0, 0x4D, 0x4D, 0, 0x2A, 0, 0, 0, 8] + Array("GPS 50.9375N 6.9603E".utf8))
        let image =
            segment(0xDB, [0] + (1...64).map { UInt8($0) }) + segment(0xC0, [8, 0, 16, 0, 16, 1, 1, 0x11, 0])
            + segment(0xC4, [0x00, 1] + [UInt8](repeating: 0, count: 15) + [0]) + segment(0xDA, [1, 1, 0x00, 0, 63, 0])
        return [0xFF, 0xD8] + (withEXIF ? exif : []) + image + [0x12, 0x34, 0xFF, 0xD9]
    }

    /// `POST /api/v1/mailbox/files` as a client sends it.
    static func sendFile(_ server: ServerProcess, receipt: String, _ file: [UInt8]) async throws -> (Int, String) {
        let boundary = "e2e-\(UUID().uuidString)"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"receipt\"\r\n\r\n\(receipt)\r\n".utf8)
        body += Data(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"beweis.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
                .utf8)
        body += Data(file) + Data("\r\n--\(boundary)--\r\n".utf8)
        var request = URLRequest(url: URL(string: "\(server.baseURL)/api/v1/mailbox/files")!)
        request.httpMethod = "POST"
        request.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        return try await HTTP.send(request)
    }

    @Test func aPhotoLosesItsGPSPositionAndADamagedFileIsRefused() async throws {
        let office = try OfficeFixture.create()
        let server = try await office.serve()
        defer { server.terminate() }
        let api = MemberAPIClient(server)
        let receipt = try await api.report(uniqueNarrative("evidence"))
        let records = { try CLI.query(office.database, "SELECT count(*) FROM record") }
        let before = try records()

        let damaged: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x00, 0x00] + [UInt8](repeating: 7, count: 40)
        let (refused, refusal) = try await Self.sendFile(server, receipt: receipt, damaged)
        #expect(refused == 422, "\(refusal)")
        #expect((HTTP.json(refusal)["error"] as? [String: Any])?["field"] as? String == "file")
        #expect(try records() == before, "nothing is stored for a refused file")

        let (status, body) = try await Self.sendFile(server, receipt: receipt, Self.jpeg())
        #expect(status == 201, "\(body)")
        let (_, mailbox) = try await HTTP.post("\(server.baseURL)/api/v1/mailbox", json: #"{"receipt": "\#(receipt)"}"#)
        let listed = try #require((HTTP.json(mailbox)["files"] as? [[String: Any]])?.first)
        #expect(listed["type"] as? String == "image/jpeg")
        #expect(listed["size"] as? Int == Self.jpeg(withEXIF: false).count)

        let token = try await api.token(office.lead, office.leadPassphrase)
        let caseID = try #require(try await api.caseIDs(token: token).first)
        let (_, opened) = try await api.call("GET", "/cases/\(caseID)", token: token)
        let file = try #require((HTTP.json(opened)["messages"] as? [[String: Any]])?.compactMap { $0["file"] as? [String: Any] }.first)
        let fileID = try #require(file["id"] as? String)
        var download = URLRequest(url: URL(string: "\(server.baseURL)/api/v1/cases/\(caseID)/reporter-files/\(fileID)")!)
        download.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (data, response) = try await HTTP.session.data(for: download)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect([UInt8](data) == Self.jpeg(withEXIF: false), "the photo, without its EXIF segment")
        #expect(data.range(of: Data("GPS".utf8)) == nil)
        // The viewing is audited, and the chain still verifies.
        #expect(try CLI.query(office.database, "SELECT count(*) FROM audit_event WHERE action = 'case.reporter_file_viewed'") == "1")
        let verified = try CLI.run(["audit", "verify", "--data", office.data])
        #expect(verified.status == 0, "\(verified.output)")
    }
}
