/// Why printed tables could not be read as one release (a count printed with two values, a
/// value out of range); the audit answers `.unreadable` with this reason.
struct AuditReadError: Error, Sendable {
    var reason: String
}
