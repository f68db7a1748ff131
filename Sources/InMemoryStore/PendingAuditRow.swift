import SichtbarCore

/// A reporter-side event waiting for its day to end (`audit_pending`); the random id orders the
/// events of one day when they are flushed.
struct PendingAuditRow: Sendable {
    let id: EntityID
    let chain: EntityID
    let day: String
    let action: String
    let subject: String
}
