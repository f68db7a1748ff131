import Hummingbird

/// Makes the request's `RequestScope` known to the code behind the generated interface.
struct RequestScopeMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await RequestScope.$current.withValue(RequestScope(peer: context.remoteAddress)) {
            try await next(request, context)
        }
    }
}
