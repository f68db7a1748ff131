/// One admitted login (or passphrase check) between `LoginThrottle.begin` and `finish`: the
/// keyed hashes of its username and client address, never the names themselves.
public struct LoginAttempt: Sendable {
    let slot: [UInt8]
    let addressBucket: [UInt8]?
}
