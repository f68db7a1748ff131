import Testing

@testable import Web

/// The multipart parser the report form, the mailbox and the case page share.
@Suite struct MultipartBodyTests {
    @Test func fieldsFilesAndAnEmptyFileInput() throws {
        let text =
            "--XyZ\r\nContent-Disposition: form-data; name=\"narrative\"\r\n\r\nZeile 1\r\nZeile 2 – ä\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"grounds\"\r\n\r\nsprache\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"grounds\"\r\n\r\nlebensalter\r\n"
            + "--XyZ\r\ncontent-disposition: form-data; name=\"files\"; filename=\"a;b \\\"c\\\".jpg\"\r\nContent-Type: image/jpeg\r\n\r\nAB--XyZ\r\nCD\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n"
            + "--XyZ--\r\n"
        let body = try #require(MultipartBody(Array(text.utf8), boundary: "XyZ"))
        #expect(body.fields["narrative"] == "Zeile 1\r\nZeile 2 – ä")
        #expect(body.fields.all("grounds") == ["sprache", "lebensalter"])
        #expect(body.files.count == 1, "an empty file input is no file")
        #expect(body.files.first?.field == "files")
        #expect(body.files.first?.bytes == Array("AB--XyZ\r\nCD".utf8), "the boundary counts only after a line break")
    }

    @Test(arguments: [
        "",
        "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end",
        "--XyZ\r\nContent-Type: text/plain\r\n\r\nno disposition\r\n--XyZ--",
        "--XyZ\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--XyZ--",
        "--Other\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--Other--",
    ])
    func malformedBodiesAreRefused(text: String) {
        #expect(MultipartBody(Array(text.utf8), boundary: "XyZ") == nil)
    }

    @Test func aFieldThatIsNotUTF8IsRefused() {
        let bytes = Array("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n".utf8) + [0xFF, 0xFE] + Array("\r\n--XyZ--".utf8)
        #expect(MultipartBody(bytes, boundary: "XyZ") == nil)
    }

    @Test func theBoundaryIsReadFromTheContentType() {
        #expect(MultipartBody.boundary(of: "multipart/form-data; boundary=----WebKitFormBoundaryAbc") == "----WebKitFormBoundaryAbc")
        #expect(MultipartBody.boundary(of: "Multipart/Form-Data;charset=utf-8; BOUNDARY=\"q u\"") == "q u")
        #expect(MultipartBody.boundary(of: "application/x-www-form-urlencoded") == nil)
        #expect(MultipartBody.boundary(of: "multipart/form-data") == nil)
        #expect(MultipartBody.boundary(of: "multipart/form-data; boundary=" + String(repeating: "x", count: 71)) == nil)
    }

    @Test func findSeesEveryOffset() {
        let hay = Array("aababcabcd".utf8)
        #expect(MultipartBody.find(Array("abcd".utf8), in: hay, from: 0) == 6)
        #expect(MultipartBody.find(Array("ab".utf8), in: hay, from: 2) == 3)
        #expect(MultipartBody.find(Array("d".utf8), in: hay, from: 9) == 9)
        #expect(MultipartBody.find(Array("x".utf8), in: hay, from: 0) == nil)
        #expect(MultipartBody.find(Array("a".utf8), in: hay, from: 10) == nil)
    }
}
