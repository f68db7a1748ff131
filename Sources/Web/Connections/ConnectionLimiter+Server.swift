import Hummingbird
import HummingbirdCore
import NIOCore

extension ConnectionLimiter {
    /// The HTTP/1 server with the limits: the per-address cap, the header timeout, the idle
    /// timeout, and answers to `Expect: 100-continue`.
    public var server: HTTPServerBuilder {
        let header = TimeAmount.milliseconds(Int64(settings.headerTimeout * 1000))
        return .http1(
            configuration: HTTP1Channel.Configuration(
                additionalChannelHandlers: [
                    ConnectionCapHandler(limiter: self), HeaderTimeoutHandler(timeout: header), ExpectContinueHandler(),
                ],
                idleTimeout: .milliseconds(Int64(settings.idleTimeout * 1000))
            ))
    }

    /// The listener's configuration with the total cap as its accept gate.
    public func configuration(host: String, port: Int) -> ApplicationConfiguration {
        ApplicationConfiguration(
            address: .hostname(host, port: port), serverName: nil, backlog: 1024,
            availableConnectionsDelegate: TotalConnectionCap(maximum: max(settings.maximum, 1), limiter: self))
    }
}
