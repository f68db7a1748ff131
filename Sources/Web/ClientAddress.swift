import Foundation
import Hummingbird
import NIOCore

/// Finds the client's address for the rate limiter only: the connection's peer, or behind the
/// trusted proxy the address that proxy appended to X-Forwarded-For.
enum ClientAddress {
    static func resolve(request: Request, context: AppRequestContext, trustedProxy: String?) -> String {
        let peer = context.remoteAddress?.ipAddress ?? "unknown"
        guard let trustedProxy, peer == trustedProxy,
            let forwarded = request.headers[.xForwardedFor]
        else { return peer }
        let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: CharacterSet.whitespaces) ?? ""
        return last.isEmpty ? peer : last
    }
}
