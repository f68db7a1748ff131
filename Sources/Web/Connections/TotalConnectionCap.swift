import Hummingbird
import HummingbirdCore

/// Hummingbird's accept gate for the total cap: at `maximum` open connections the listener
/// stops accepting and new connections wait in the backlog, so the process never runs out of
/// file descriptors and `/healthz` is answered again as soon as a place is free.
struct TotalConnectionCap: AvailableConnectionsDelegate {
    let maximum: Int
    let limiter: ConnectionLimiter
    var open = 0

    mutating func connectionOpened() {
        open += 1
        if open >= maximum { limiter.refuse(.total) }
    }

    mutating func connectionClosed() {
        open -= 1
    }

    func isAcceptingNewConnections() -> Bool {
        open < maximum
    }
}
