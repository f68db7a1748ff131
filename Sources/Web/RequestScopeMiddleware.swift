import Hummingbird

/// Makes the request's `RequestScope` known to the code behind the generated interface. On a
/// member group it runs after `MemberAuthenticator`, so the scope carries the identity it found.
struct RequestScopeMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await RequestScope.$current.withValue(RequestScope(peer: context.remoteAddress, identity: context.identity)) {
            try await next(request, context)
        }
    }
}
