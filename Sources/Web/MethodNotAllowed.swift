import HTTPTypes
import Hummingbird

/// A known path asked with a method it does not take (TRACE, a PUT on a page, …): 405 naming the
/// methods it does take in `Allow` (RFC 9110 § 15.5.6), in the API's error body or, on a page,
/// the notice page (`PageErrorMiddleware`).
struct MethodNotAllowed: HTTPResponseError {
    let allowed: Set<HTTPRequest.Method>

    var status: HTTPResponse.Status { .methodNotAllowed }

    /// The `Allow` value, in a fixed order.
    var allowHeader: String {
        allowed.map(\.rawValue).sorted().joined(separator: ", ")
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try APIError(.methodNotAllowed, code: "bad_request", message: "\(request.method.rawValue) is not allowed here")
            .response(from: request, context: context)
        response.headers[.allow] = allowHeader
        return response
    }
}

/// Turns the router's 404 for a known path into 405 when the method is what is missing. A 404 a
/// handler throws itself (an unknown case) passes unchanged: there the method was allowed.
struct MethodCheckMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let table: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError where error.status == .notFound {
            let allowed = table.methods(at: request.routePath)
            guard !allowed.isEmpty, !allowed.contains(request.method) else { throw error }
            throw MethodNotAllowed(allowed: allowed)
        }
    }
}
