import Foundation
import Sealing
import Synchronization

/// Hidden form tokens for reporter pages, which carry no cookie: an HMAC under an in-memory key
/// over a random nonce, the time and the form's purpose. A token is good for a few hours and,
/// for forms that create something, only once, so a resubmitted form creates nothing twice.
final class FormTokens: Sendable {
    enum Purpose: UInt8, Sendable {
        case report = 1
        case mailboxRead = 2
        case mailboxMessage = 3
        case mailboxWithdraw = 4
        /// Member pages: a login or enrolment form is sent once; a replayed one is refused.
        case login = 5
        case enrol = 6

        var singleUse: Bool { self != .mailboxRead }
    }

    enum Verdict: Equatable, Sendable {
        case valid
        case expired
        case alreadyUsed
        case invalid
    }

    static let lifetime: Double = 4 * 3600
    private let authenticator = MessageAuthenticator()
    private let used = Mutex<[[UInt8]: Double]>([:])
    private let now: @Sendable () -> Double

    init(now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) {
        self.now = now
    }

    func issue(_ purpose: Purpose) -> String {
        var message = Sodium.randomBytes(16)
        let issued = UInt64(now())
        for shift in stride(from: 56, through: 0, by: -8) { message.append(UInt8(truncatingIfNeeded: issued >> UInt64(shift))) }
        message.append(purpose.rawValue)
        return Base64URL.encode(message) + "." + Base64URL.encode(authenticator.tag(message))
    }

    /// Checks a token for `purpose` and, for single-use purposes, spends it.
    func redeem(_ token: String?, for purpose: Purpose) -> Verdict {
        guard let token, let dot = token.firstIndex(of: "."),
              let message = Base64URL.decode(String(token[..<dot])),
              let tag = Base64URL.decode(String(token[token.index(after: dot)...])),
              message.count == 25, message[24] == purpose.rawValue,
              authenticator.verify(tag, for: message) else { return .invalid }
        let issued = message[16..<24].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let time = now()
        guard time - Double(issued) <= Self.lifetime, Double(issued) <= time + 60 else { return .expired }
        guard purpose.singleUse else { return .valid }
        let nonce = Array(message[0..<16])
        return used.withLock { used in
            if used[nonce] != nil { return .alreadyUsed }
            if used.count > 50_000 { used = used.filter { time - $0.value <= Self.lifetime } }
            used[nonce] = Double(issued)
            return .valid
        }
    }
}
