import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import Web

/// Requests shaped to slip past the checks in front of the generated interface (the security
/// review of the slice): each is answered like its plain form, and none ends the process.
extension ReporterContractTests {
    static let unknownReceipt = #"{"receipt": "0000-0000-0000-0000-0000"}"#

    /// Two `Content-Type` parameters that differ only in case made the generated decoder trap,
    /// which ends the whole process; the body gate hands it a plain `application/json`.
    @Test func aContentTypeWithRepeatedParametersIsAnsweredNotFatal() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let headers: HTTPFields = [.contentType: "application/json; charset=utf-8; Charset=utf-8"]
            let report = try await client.execute(
                uri: "/api/v1/reports", method: .post, headers: headers, body: ByteBuffer(string: Self.report))
            #expect(report.status == .created)
            let mailbox = try await client.execute(
                uri: "/api/v1/mailbox", method: .post, headers: headers, body: ByteBuffer(string: Self.unknownReceipt))
            #expect(mailbox.status == .notFound)
            #expect(try mailbox.errorField("code") == "receipt_unknown")
        }
    }

    /// The router takes `//api/v1//mailbox` for `/api/v1/mailbox`, so the padding and the
    /// cross-site refusal must too, or the size of an answer would tell what it holds.
    @Test func aPathWithRepeatedSlashesIsPaddedAndRefusedLikeItsRoute() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let plain = try await client.postJSON("/api/v1/mailbox", Self.unknownReceipt)
            let doubled = try await client.postJSON("//api/v1//mailbox", Self.unknownReceipt)
            #expect(doubled.status == plain.status)
            #expect(try doubled.errorField("code") == "receipt_unknown")
            #expect(doubled.body.readableBytes == plain.body.readableBytes)
            #expect(doubled.body.readableBytes % ResponsePadding.block == 0)
            let crossSite = try await client.execute(
                uri: "//api/v1/mailbox/files", method: .post,
                headers: [.secFetchSite: "cross-site", .contentType: "multipart/form-data; boundary=x"],
                body: ByteBuffer(string: "--x--\r\n"))
            #expect(crossSite.status == .forbidden)
            #expect(try crossSite.errorField("code") == "cross_site")
            #expect(crossSite.body.readableBytes % ResponsePadding.block == 0)
        }
    }
}
