import HTTPTypes
import OpenAPIRuntime

/// The generated decoder refuses a query with a key but no `=` (`?case`, or an empty pair as in
/// `?&from=1`) as malformed, for every parameter of the operation; the Router's routes read such a
/// key as empty and skip empty pairs. So the query is handed on in that reading (`?case=`), and a
/// stray key still gets the route's own answer, not a `400`.
struct BareQueryKeys: ServerMiddleware {
    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard let path = request.path, let mark = path.firstIndex(of: "?") else { return try await next(request, body, metadata) }
        let pairs = path[path.index(after: mark)...].split(separator: "&").map { $0.contains("=") ? String($0) : "\($0)=" }
        var request = request
        request.path = String(path[..<mark]) + (pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&"))
        return try await next(request, body, metadata)
    }
}
