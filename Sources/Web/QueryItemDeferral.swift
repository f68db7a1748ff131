import HTTPTypes
import OpenAPIRuntime

/// Lets a request without a required query item reach its handler with the item empty, for an
/// operation that validates the item itself: the generated decoder would refuse it with `400`
/// before the handler could first ask the member's role (`GET /api/v1/statistics` answers a
/// role that may not see the tables `404` whatever its query, and an analyst `422` naming
/// `period`). The document still says the item is required.
struct QueryItemDeferral: ServerMiddleware {
    let operationID: String
    let name: String

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard operationID == self.operationID, let path = request.path else { return try await next(request, body, metadata) }
        let query = path.split(separator: "?", maxSplits: 1).dropFirst().first ?? ""
        let names = query.split(separator: "&").map { $0.split(separator: "=", maxSplits: 1).first ?? "" }
        guard !names.contains(where: { $0 == name }) else { return try await next(request, body, metadata) }
        var request = request
        request.path = path + (path.contains("?") ? (path.hasSuffix("?") || path.hasSuffix("&") ? "" : "&") : "?") + "\(name)="
        return try await next(request, body, metadata)
    }
}
