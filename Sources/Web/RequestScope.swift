import Members
import NIOCore

/// What a handler behind a generated interface needs of the Hummingbird request, which the
/// OpenAPI transport does not pass on: the connection's peer (for the rate limiter and the login
/// throttle only) and, on member routes, the member `MemberAuthenticator` found. It lives as long
/// as the request's task, and is never logged or stored.
struct RequestScope: Sendable {
    let peer: SocketAddress?
    let identity: MemberIdentity?

    /// Set by `RequestScopeMiddleware`; the OpenAPI transport calls the handler in the same task.
    @TaskLocal static var current: RequestScope?

    /// The session of a member API request, or the contract's 401 body.
    static func requireMember() throws -> Session {
        guard let identity = current?.identity else { throw APIError.unauthorized }
        return identity.session
    }

    /// The bearer token of a member API request (for logout), or the contract's 401 body.
    static func requireToken() throws -> String {
        guard let identity = current?.identity else { throw APIError.unauthorized }
        return identity.token
    }
}
