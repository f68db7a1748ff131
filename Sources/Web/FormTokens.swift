import Foundation
import Sealing
import Synchronization

/// Hidden form tokens for reporter pages, which carry no cookie, and for the member forms that
/// must not run twice: an HMAC under an in-memory key over a random nonce, the hour of issue and
/// the form's purpose. A token is good for a few hours and only once, so a resubmitted form
/// creates nothing twice and one mailbox token opens the mailbox once.
///
/// Times are kept by the hour only: the token carries the hour it was issued, and the set of
/// spent nonces is kept per hour and dropped hour by hour, so memory holds no finer time of a
/// reporter's visit. The set is bounded: past `capacity`, the oldest hours are dropped and
/// tokens issued in them count as expired from then on, so dropping never reopens a spent token.
final class FormTokens: Sendable {
    enum Purpose: UInt8, Sendable {
        case report = 1
        case mailboxRead = 2
        case mailboxMessage = 3
        case mailboxWithdraw = 4
        /// Member pages: a login or enrolment form is sent once; a replayed one is refused.
        case login = 5
        case enrol = 6
        /// The members page's invitation form: one invitation per form.
        case invite = 7
        /// The mailbox's evidence-file form: one file per form.
        case mailboxFile = 8
    }

    enum Verdict: Equatable, Sendable {
        case valid
        case expired
        case alreadyUsed
        case invalid
    }

    /// Hours a token is accepted in: the hour of issue and the three after it (3 to 4 hours).
    static let lifetimeHours: UInt64 = 4
    /// The longest a token lives, in seconds.
    static let lifetime: Double = Double(lifetimeHours) * 3600

    private struct Spent {
        /// Spent nonces by the hour their token was issued in.
        var byHour: [UInt64: Set<[UInt8]>] = [:]
        var count = 0
        /// Tokens issued before this hour are expired: their spent nonces may have been dropped.
        var floor: UInt64 = 0
    }

    /// Spent nonces kept at most; about 50 bytes each.
    let capacity: Int
    private let authenticator = MessageAuthenticator()
    private let spent = Mutex(Spent())
    private let now: @Sendable () -> Double

    init(capacity: Int = 200_000, now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) {
        self.capacity = capacity
        self.now = now
    }

    private var hour: UInt64 { UInt64(max(now(), 0) / 3600) }

    func issue(_ purpose: Purpose) -> String {
        var message = Sodium.randomBytes(16)
        let issued = hour
        for shift in stride(from: 56, through: 0, by: -8) { message.append(UInt8(truncatingIfNeeded: issued >> UInt64(shift))) }
        message.append(purpose.rawValue)
        return Base64URL.encode(message) + "." + Base64URL.encode(authenticator.tag(message))
    }

    /// Checks a token for `purpose` and spends it.
    func redeem(_ token: String?, for purpose: Purpose) -> Verdict {
        guard let token, let dot = token.firstIndex(of: "."),
            let message = Base64URL.decode(String(token[..<dot])),
            let tag = Base64URL.decode(String(token[token.index(after: dot)...])),
            message.count == 25, message[24] == purpose.rawValue,
            authenticator.verify(tag, for: message)
        else { return .invalid }
        let issued = message[16..<24].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let current = hour
        guard issued <= current, current - issued < Self.lifetimeHours else { return .expired }
        let nonce = Array(message[0..<16])
        return spent.withLock { spent in
            Self.dropExpired(&spent, current: current)
            guard issued >= spent.floor else { return .expired }
            if spent.byHour[issued]?.contains(nonce) == true { return .alreadyUsed }
            if spent.count >= capacity {
                Self.dropOldest(&spent, keeping: issued, capacity: capacity)
                // Still full with this hour's tokens alone: refuse rather than forget a spent one.
                guard spent.count < capacity, issued >= spent.floor else { return .expired }
            }
            spent.byHour[issued, default: []].insert(nonce)
            spent.count += 1
            return .valid
        }
    }

    /// Drops the hours whose tokens have expired; `prune()` calls this on a timer too.
    func prune() {
        let current = hour
        spent.withLock { Self.dropExpired(&$0, current: current) }
    }

    /// Spent nonces held now (for tests and the bound).
    var spentCount: Int { spent.withLock { $0.count } }

    private static func dropExpired(_ spent: inout Spent, current: UInt64) {
        let oldest = current >= lifetimeHours - 1 ? current - (lifetimeHours - 1) : 0
        for hour in spent.byHour.keys where hour < oldest {
            spent.count -= spent.byHour.removeValue(forKey: hour)?.count ?? 0
        }
    }

    /// Drops whole hours, oldest first and older than `hour`, until a quarter of the capacity is
    /// free; every dropped hour's tokens count as expired from then on.
    private static func dropOldest(_ spent: inout Spent, keeping hour: UInt64, capacity: Int) {
        for oldest in spent.byHour.keys.sorted() where oldest < hour {
            if spent.count < capacity - capacity / 4 { break }
            spent.count -= spent.byHour.removeValue(forKey: oldest)?.count ?? 0
            spent.floor = max(spent.floor, oldest + 1)
        }
    }
}
