import HTTPTypes
import OpenAPIRuntime

/// A member route of a generated interface answers a request without a live session `401` before
/// anything else, as the Router's handlers did by asking for the session first: before the body's
/// media type, size or shape is checked, and before an id of the path is looked at. Operations
/// that take no session (`open`, by operation id: login and enrolment, which are how a member gets
/// one) are let through.
struct MemberRequired: ServerMiddleware {
    var open: Set<String> = []

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        if !open.contains(operationID) { _ = try RequestScope.requireMember() }
        return try await next(request, body, metadata)
    }
}
