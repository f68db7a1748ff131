import HTTPTypes
import OpenAPIRuntime

/// `JSONBodyGate` for the operations of a generated interface whose body is JSON, and only for
/// them: an operation without a body (sending a release) is not refused for lacking a JSON
/// Content-Type, and a raw file (`application/octet-stream`, the scan of a document) is taken
/// whatever Content-Type the client sends, as it always was, because its type is read from the
/// file's own bytes; the handler reads at most the file limit itself. The generated decoder
/// would otherwise refuse a file sent as anything but `application/octet-stream` with `415`.
struct BodyGate: ServerMiddleware {
    let json: Set<String>
    var raw: Set<String> = []

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        if json.contains(operationID) {
            return try await JSONBodyGate().intercept(request, body: body, metadata: metadata, operationID: operationID, next: next)
        }
        guard raw.contains(operationID) else { return try await next(request, body, metadata) }
        var request = request
        request.headerFields[.contentType] = "application/octet-stream"
        return try await next(request, body, metadata)
    }
}
