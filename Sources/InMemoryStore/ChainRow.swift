import SichtbarCore

/// One audit chain: its entries (sequence = index + 1), its signed head (`audit_head`) and the
/// day before which reporter events have been flushed into it.
struct ChainRow: Sendable {
    var entries: [AuditEntry] = []
    var head: AuditHead?
    var flushedBefore = ""
}
