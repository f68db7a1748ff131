/// How far `protect` had to fall back when the heuristic and the audit-driven widening did not
/// reach a safe pattern within their rounds. Failing closed means suppressing more, never
/// publishing a table the audit rejects.
public enum DisclosureFallback: String, Hashable, Sendable {
    /// The hypercube suppression plus widening passed the audit.
    case none
    /// Every non-zero count was suppressed; only zeros remain printed.
    case allNonZero
    /// Every count was suppressed.
    case everything
}
