import SichtbarCore

/// The daily audit job's seam: moves reporter-side events of finished days into every chain and
/// keeps one signed head per chain and day, for leads to fetch and keep outside the server.
public protocol AuditCheckpoints: Sendable {
    /// Flushes finished days' reporter events into every chain, then returns each chain's head.
    func flushAndHeads() async throws -> [AuditHead]
}
