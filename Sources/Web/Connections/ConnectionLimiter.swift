import Foundation
import Logging
import Sealing
import Synchronization

/// Counts the open connections of each client address and refuses those past the cap. An
/// address is counted under a keyed hash (IPv6 by its /64) with a key made at start and never
/// stored; an entry lives only while its address has a connection open. Refusals are logged
/// without any address: the first after a quiet minute at once, the rest as a count per minute.
public final class ConnectionLimiter: Sendable {
    public enum Refusal: String, Sendable, CaseIterable {
        /// Closed at once: the address holds its cap of connections.
        case perAddress = "per_address_cap"
        /// Not accepted for now: the total cap is reached and new connections wait in the backlog.
        case total = "total_cap"

        var message: Logger.Message {
            self == .perAddress ? "connection refused" : "connection cap reached; new connections wait"
        }
    }

    private struct State {
        var open: [[UInt8]: Int] = [:]
        var refused: [Refusal: Int] = [:]
        var announced: Set<Refusal> = []
    }

    public let settings: ConnectionSettings
    private let key = SecureBytes(randomCount: 32)
    private let state = Mutex(State())
    private let logger: Logger

    public init(settings: ConnectionSettings, logger: Logger) {
        self.settings = settings
        self.logger = logger
    }

    enum Admission: Equatable {
        /// Not counted: no cap, no address, or the trusted proxy.
        case uncounted
        /// Counted under this hash until `release`.
        case counted([UInt8])
        /// The address is at its cap: the connection is to be closed.
        case refused
    }

    /// Takes a place for a connection from `address`, or refuses it.
    func admit(_ address: String?) -> Admission {
        guard settings.perAddress > 0, let address, address != settings.trustedProxy else { return .uncounted }
        let hashed = KeyedHash.hash(Array(ClientAddress.limitKey(address).utf8), key: key)
        let admitted = state.withLock { state -> Bool in
            let count = state.open[hashed, default: 0]
            guard count < settings.perAddress else { return false }
            state.open[hashed] = count + 1
            return true
        }
        guard admitted else {
            refuse(.perAddress)
            return .refused
        }
        return .counted(hashed)
    }

    /// Gives back the place a connection held.
    func release(_ hashed: [UInt8]) {
        state.withLock { state in
            let count = state.open[hashed, default: 0] - 1
            state.open[hashed] = count > 0 ? count : nil
        }
    }

    /// Notes a refusal; logs the first one after a quiet minute at once.
    func refuse(_ reason: Refusal) {
        let first = state.withLock { state -> Bool in
            state.refused[reason, default: 0] += 1
            return state.announced.insert(reason).inserted
        }
        if first {
            logger.warning(
                reason.message,
                metadata: [
                    "reason": "\(reason.rawValue)", "note": "further ones are counted and logged once a minute",
                ])
        }
    }

    /// Logs the refusals counted since the last call and resets them; the server calls it once a
    /// minute. A minute without refusals lets the next one be logged at once again.
    public func reportRefusals() {
        let counts = state.withLock { state -> [Refusal: Int] in
            let counts = state.refused
            state.refused = [:]
            state.announced = Set(counts.filter { $0.value > 0 }.keys)
            return counts
        }
        for reason in Refusal.allCases {
            guard let count = counts[reason], count > 0 else { continue }
            logger.warning(reason.message, metadata: ["reason": "\(reason.rawValue)", "count in the last minute": "\(count)"])
        }
    }

    /// Addresses with a connection open now (for tests).
    var addressCount: Int { state.withLock { $0.open.count } }
}
