/// The public listener's connection limits (flags of `sichtbar serve`).
public struct ConnectionSettings: Sendable {
    /// Seconds a new connection has to deliver its first complete request head.
    public var headerTimeout: Double
    /// Seconds a kept-alive connection may wait for its next request, or a request between two
    /// parts of its body.
    public var idleTimeout: Double
    /// Connections one client address (IPv6 by its /64) may hold open at once; 0 lifts the cap.
    /// Connections from the trusted proxy are not counted: they carry every client's requests.
    public var perAddress: Int
    /// Connections held open at once in all; more wait in the listen backlog.
    public var maximum: Int
    /// The reverse proxy whose connections the per-address cap leaves alone.
    public var trustedProxy: String?

    public init(
        headerTimeout: Double = 10, idleTimeout: Double = 30, perAddress: Int = 64, maximum: Int = 10_000,
        trustedProxy: String? = nil
    ) {
        self.headerTimeout = headerTimeout
        self.idleTimeout = idleTimeout
        self.perAddress = perAddress
        self.maximum = maximum
        self.trustedProxy = trustedProxy
    }
}
