import HTTPTypes
import OpenAPIRuntime

/// What the JSON API checks before decoding, for the generated interfaces, whose decoder
/// would take any content type and any length: another media type is answered `415` before the
/// body is read, a body past 128 KiB `413`, one that is not UTF-8 `400`. The decoder then reads
/// the collected bytes. Operations that take no body (`bodyless`, by operation id) are let through
/// unchecked, as their Router routes never read one.
struct JSONBodyGate: ServerMiddleware {
    var bodyless: Set<String> = []

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        // Every operation of the generated interface that takes a body takes JSON.
        guard request.method == .post || request.method == .put || request.method == .patch, !bodyless.contains(operationID) else {
            return try await next(request, body, metadata)
        }
        guard RequestBody.isJSON(contentType: request.headerFields[.contentType]) else { throw APIError.unsupportedMediaType }
        // The generated decoder parses the header's parameters into a dictionary, and traps on two
        // that differ only in case (`charset=utf-8; Charset=utf-8`): one request would end the
        // process. The body is checked to be UTF-8 below, so the parameters say nothing more.
        var request = request
        request.headerFields[.contentType] = "application/json"
        var bytes: [UInt8] = []
        if let body {
            do {
                bytes = try await [UInt8](collecting: body, upTo: WebSettings.maxJSONBody)
            } catch {
                throw RequestBody.tooLarge(WebSettings.maxJSONBody)
            }
        }
        try RequestBody.requireUTF8(bytes)
        return try await next(request, HTTPBody(bytes), metadata)
    }
}
