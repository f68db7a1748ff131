import Hummingbird
import Intake
import ScanScrubbing

extension ReporterAPI {
    /// An evidence file: `multipart/form-data` with `receipt` and one `file`. Still a Router route:
    /// its body is read by `RequestBody.multipart` behind the upload gate.
    @Sendable func addFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        // The bytes stay in memory until sealed: only as many bodies at once as the gate admits.
        guard let response = try await services.uploads.admit({ try await addFileAdmitted(request, context: context) }) else {
            throw APIError.unavailable
        }
        return response
    }

    private func addFileAdmitted(_ request: Request, context: AppRequestContext) async throws -> Response {
        let address = ClientAddress.resolve(request: request, context: context, trustedProxy: services.settings.trustedProxy)
        guard services.mailboxPerAddress.allow(address) else { throw APIError.rateLimited }
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
        return try JSONResponse.make(.created, Answer())
    }
}
