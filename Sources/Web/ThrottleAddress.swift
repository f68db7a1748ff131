import HTTPTypes
import MemberContract
import OpenAPIRuntime

/// The client's address for the login throttle, which counts failed passphrases per address (an
/// IPv6 address by its /64): a login, and a passphrase change, whose current passphrase is checked
/// like a login. The generated handler sees no headers, so this middleware resolves it (behind the
/// trusted proxy from `X-Forwarded-For`) into a task-local for that request only; it is never
/// logged or stored.
struct ThrottleAddress: ServerMiddleware {
    let trustedProxy: String?

    /// The operations that check a passphrase.
    static let checking: Set<String> = [Operations.Login.id, Operations.ChangePassphrase.id]

    @TaskLocal private static var resolved: String?

    /// The address this middleware resolved; outside it (never on the routes above), the
    /// connection's peer, so the throttle still counts per address.
    static var current: String {
        resolved ?? ClientAddress.resolve(peer: RequestScope.current?.peer, headers: [:], trustedProxy: nil)
    }

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard Self.checking.contains(operationID) else { return try await next(request, body, metadata) }
        let address = ClientAddress.resolve(
            peer: RequestScope.current?.peer, headers: request.headerFields, trustedProxy: trustedProxy)
        return try await Self.$resolved.withValue(address) { try await next(request, body, metadata) }
    }
}
