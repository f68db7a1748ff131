import Foundation
import Hummingbird
import NIOCore

/// Finds the client's address for the rate limiter only: the connection's peer, or behind the
/// trusted proxy the address that proxy appended to X-Forwarded-For.
enum ClientAddress {
    static func resolve(request: Request, context: AppRequestContext, trustedProxy: String?) -> String {
        resolve(peer: context.remoteAddress, headers: request.headers, trustedProxy: trustedProxy)
    }

    static func resolve(peer address: SocketAddress?, headers: HTTPFields, trustedProxy: String?) -> String {
        let peer = address?.ipAddress ?? "unknown"
        guard let trustedProxy, peer == trustedProxy,
            let forwarded = headers[.xForwardedFor]
        else { return peer }
        let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: CharacterSet.whitespaces) ?? ""
        return last.isEmpty ? peer : last
    }
}
