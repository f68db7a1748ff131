import NIOCore

/// What a handler behind the generated interface needs of the Hummingbird request, which the
/// OpenAPI transport does not pass on: the connection's peer, for the rate limiter only. It lives
/// as long as the request's task, and is never logged or stored.
struct RequestScope: Sendable {
    let peer: SocketAddress?

    /// Set by `RequestScopeMiddleware`; the OpenAPI transport calls the handler in the same task.
    @TaskLocal static var current: RequestScope?
}
