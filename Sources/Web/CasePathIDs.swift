import HTTPTypes
import OpenAPIRuntime
import SichtbarCore

/// A case route whose path names a case or document by text that cannot be an id answers `404`
/// before its body is decoded, as the Router's handlers did: an id that cannot be one is as
/// unknown as any other, whatever the body says. (`deadline` is a rule code on one route and an
/// id on the other, which reads no body; the handlers check it.)
struct CasePathIDs: ServerMiddleware {
    static let names = ["id", "document"]

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        for name in Self.names {
            if let text = metadata.pathParameters[name], EntityID(hex: String(text)) == nil { throw APIError.notFound }
        }
        return try await next(request, body, metadata)
    }
}
