/// Why the exact checker could not establish an answer. Each of these makes the audit report
/// the count as unsafe: a release is published only when safety is proven.
enum AuditFailure: Error, Equatable, Sendable {
    /// The published counts contradict each other: no table of non-negative counts fits them.
    case inconsistent
    /// A fraction left the range of `Int`.
    case overflow
    /// Branch and bound hit its node limit before finding any integer point.
    case undecided
}
