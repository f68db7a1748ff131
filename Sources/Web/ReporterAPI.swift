import Casework
import Foundation
import Hummingbird
import Intake
import NIOCore
import ScanScrubbing
import Sealing

/// The reporter's JSON API of CONTRACT.md: no login, no cookie.
struct ReporterAPI {
    let services: WebServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("offices", use: offices)
        group.post("reports", use: submitReport)
        group.post("mailbox", use: readMailbox)
        group.post("mailbox/messages", use: addMessage)
        group.post("mailbox/withdraw", use: withdraw)
        group.post("mailbox/files", use: addFile)
    }

    @Sendable func offices(_ request: Request, context: AppRequestContext) async throws -> Response {
        // Only offices whose privacy notice is complete take reports, so only they are listed.
        let offices = try await services.reporter.store.offices().filter(\.profile.takesReports)
        return try JSONResponse.make(.ok, PublicOffice.list(offices, taxonomy: services.taxonomy))
    }

    @Sendable func submitReport(_ request: Request, context: AppRequestContext) async throws -> Response {
        let address = ClientAddress.resolve(request: request, context: context, trustedProxy: services.settings.trustedProxy)
        guard services.allowIntake(from: address) else { throw APIError.rateLimited }
        let submission = try await RequestBody.json(ReportSubmission.self, from: request)
        // Refusals and store failures are answered by `DomainErrorMiddleware`.
        let acknowledged = try await services.reporter.submit(submission)
        struct OfficeName: Encodable {
            let id: String
            let name: String
        }
        struct Answer: Encodable {
            let receipt: String
            let status: String
            let office: OfficeName
            let firstResponseBy: String?
        }
        return try JSONResponse.make(
            .created,
            Answer(
                receipt: acknowledged.receipt.formatted, status: ReporterStatus.eingegangen.rawValue,
                office: OfficeName(id: acknowledged.office.id.hex, name: acknowledged.office.name),
                firstResponseBy: acknowledged.firstResponseBy?.iso))
    }

    struct MailboxRequest: Decodable {
        let receipt: String
        let includeReport: Bool?
    }

    @Sendable func readMailbox(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await padded { try await readMailboxUnpadded(request, context: context) }
    }

    private func readMailboxUnpadded(_ request: Request, context: AppRequestContext) async throws -> Response {
        try checkMailboxRate(request, context)
        let body = try await RequestBody.json(MailboxRequest.self, from: request)
        let receipt = try Self.parse(body.receipt)
        guard
            let view = try await storeCall({
                try await services.reporter.read(receipt: receipt, includeReport: body.includeReport ?? false)
            })
        else { throw APIError.receiptUnknown }
        return try JSONResponse.make(.ok, MailboxAnswer(view), padded: true)
    }

    struct MessageRequest: Decodable {
        let receipt: String
        let text: String
    }

    @Sendable func addMessage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await padded { try await addMessageUnpadded(request, context: context) }
    }

    private func addMessageUnpadded(_ request: Request, context: AppRequestContext) async throws -> Response {
        try checkMailboxRate(request, context)
        let body = try await RequestBody.json(MessageRequest.self, from: request)
        let receipt = try Self.parse(body.receipt)
        let added = try await storeCall { try await services.reporter.addMessage(receipt: receipt, text: body.text) }
        guard added else { throw APIError.receiptUnknown }
        struct Answer: Encodable { let status = "sent" }
        return try JSONResponse.make(.created, Answer(), padded: true)
    }

    /// An evidence file: `multipart/form-data` with `receipt` and one `file`.
    @Sendable func addFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await padded {
            // The bytes stay in memory until sealed: only as many bodies at once as the gate admits.
            guard let response = try await services.uploads.admit({ try await addFileUnpadded(request, context: context) }) else {
                throw APIError.unavailable
            }
            return response
        }
    }

    private func addFileUnpadded(_ request: Request, context: AppRequestContext) async throws -> Response {
        try checkMailboxRate(request, context)
        guard let body = try await RequestBody.multipart(request, limit: WebSettings.maxFormBody + MetadataStripper.maximumSize) else {
            throw APIError(.unsupportedMediaType, code: "unsupported_media_type", message: "the body must be multipart/form-data")
        }
        let receipt = try Self.parse(body.fields["receipt"] ?? "")
        let files = body.files.filter { $0.field == "file" }
        guard files.count == 1 else {
            throw APIError(.badRequest, code: "bad_request", message: "send exactly one part named file", field: "file")
        }
        let added = try await storeCall { try await services.reporter.addFile(receipt: receipt, bytes: files[0].bytes) }
        guard added else { throw APIError.receiptUnknown }
        struct Answer: Encodable { let status = "sent" }
        return try JSONResponse.make(.created, Answer(), padded: true)
    }

    struct WithdrawRequest: Decodable {
        let receipt: String
    }

    @Sendable func withdraw(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await padded { try await withdrawUnpadded(request, context: context) }
    }

    private func withdrawUnpadded(_ request: Request, context: AppRequestContext) async throws -> Response {
        try checkMailboxRate(request, context)
        let body = try await RequestBody.json(WithdrawRequest.self, from: request)
        let receipt = try Self.parse(body.receipt)
        guard let status = try await storeCall({ try await services.reporter.withdraw(receipt: receipt) }) else {
            throw APIError.receiptUnknown
        }
        struct Answer: Encodable { let status: String }
        return try JSONResponse.make(.ok, Answer(status: status.rawValue), padded: true)
    }

    /// Every mailbox answer, errors included, is padded: its size tells nothing.
    private func padded(_ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let error as APIError {
            throw error.paddedCopy()
        }
    }

    private func checkMailboxRate(_ request: Request, _ context: AppRequestContext) throws {
        let address = ClientAddress.resolve(request: request, context: context, trustedProxy: services.settings.trustedProxy)
        guard services.mailboxPerAddress.allow(address) else { throw APIError.rateLimited }
    }

    static func parse(_ text: String) throws -> Receipt {
        do {
            return try Receipt.parse(text)
        } catch {
            throw APIError.receiptMalformed
        }
    }

    /// Maps store and validation failures of a reporter call to API errors.
    private func storeCall<Value>(_ body: () async throws -> Value) async throws -> Value {
        // An unknown receipt is this route's own answer; other refusals go to `DomainErrorMiddleware`.
        do {
            return try await body()
        } catch StoreError.notFound {
            throw APIError.receiptUnknown
        }
    }
}

/// The mailbox answer of CONTRACT.md.
struct MailboxAnswer: Encodable {
    struct Message: Encodable {
        let from: String
        let text: String
        let on: String
    }

    /// An evidence file the reporter sent: its type and size after stripping, and its SHA-256.
    struct File: Encodable {
        let type: String
        let size: Int
        let sha256: String
        let on: String
    }

    let status: String
    let messages: [Message]
    let files: [File]
    let report: ReportContent?

    init(_ view: MailboxView) {
        status = view.status.rawValue
        messages = view.messages.filter { $0.file == nil }.map { Message(from: $0.from.rawValue, text: $0.text, on: $0.on.iso) }
        files = view.messages.compactMap { message in
            message.file.map { File(type: $0.mediaType.rawValue, size: $0.size, sha256: $0.hash, on: message.on.iso) }
        }
        report = view.report
    }
}

/// JSON responses, sorted keys, optionally padded.
enum JSONResponse {
    static func make(_ status: HTTPResponse.Status, _ value: some Encodable, padded: Bool = false) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes = Array(try encoder.encode(value))
        if padded { ResponsePadding.pad(&bytes) }
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
