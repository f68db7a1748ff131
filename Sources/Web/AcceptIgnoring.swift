import HTTPTypes
import OpenAPIRuntime

/// The API answers JSON whatever a client says it accepts, as it always has; the generated
/// serializer would refuse a request whose `Accept` names no JSON, so the header is dropped first.
struct AcceptIgnoring: ServerMiddleware {
    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        request.headerFields[.accept] = nil
        return try await next(request, body, metadata)
    }
}
