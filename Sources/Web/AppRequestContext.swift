import Hummingbird
import NIOCore

/// The request context: the connection's peer address is kept only so the rate limiter can
/// hash it; it is never logged or stored.
public struct AppRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// Bodies are collected explicitly with per-route limits; this is the ceiling.
    public var maxUploadSize: Int { WebSettings.maxMultipartBody }
}
