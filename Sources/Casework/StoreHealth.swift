/// Whether the store can take a report right now: what `/healthz` answers.
public protocol StoreHealth: Sendable {
    func isWritable() async -> Bool
}

/// Always healthy (or never), for tests.
public struct FixedHealth: StoreHealth {
    public let writable: Bool
    public init(writable: Bool) { self.writable = writable }
    public func isWritable() async -> Bool { writable }
}
