/// Whether the store can take a report right now: what `/healthz` answers.
public protocol StoreHealth: Sendable {
    func isWritable() async -> Bool
    /// Offices whose key rotation failed or has run for more than an hour: a removed member may
    /// still open what arrives, so monitoring must see it.
    func stalledKeyRotations() async -> Int
}

extension StoreHealth {
    public func stalledKeyRotations() async -> Int { 0 }
}

/// Always healthy (or never), for tests.
public struct FixedHealth: StoreHealth {
    public let writable: Bool
    public init(writable: Bool) { self.writable = writable }
    public func isWritable() async -> Bool { writable }
}
