import Hummingbird
import HummingbirdAuth
import NIOCore

/// The request context: the connection's peer address is kept only so the rate limiter can
/// hash it; it is never logged or stored.
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext, AuthRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The member behind the request, set by `MemberAuthenticator` on member routes only.
    public var identity: MemberIdentity?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
        self.identity = nil
    }

    /// Bodies are collected explicitly with per-route limits; this is the ceiling.
    public var maxUploadSize: Int { WebSettings.maxMultipartBody }
}
