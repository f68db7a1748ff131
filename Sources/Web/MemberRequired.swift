import HTTPTypes
import OpenAPIRuntime

/// Answers a member operation without a valid session `401` before anything of the request is
/// looked at, as the Router's handlers did by asking for the member first: without it the body
/// gate or the generated decoder would answer an unauthenticated request `415` or `400`. Needs
/// `RequestScopeMiddleware` after `MemberAuthenticator` on the group.
struct MemberRequired: ServerMiddleware {
    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        _ = try RequestScope.requireMember()
        return try await next(request, body, metadata)
    }
}
