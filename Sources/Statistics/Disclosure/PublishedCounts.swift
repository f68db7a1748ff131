/// What a reader of the published tables can read off them: the value of every count printed
/// anywhere, and which counts are suppressed somewhere.
struct PublishedCounts: Sendable {
    /// The printed value, nil where no table prints one.
    var known: [Int?]
    /// Suppressed (or left null) in at least one place, with that place.
    var hiddenAt: [CountPlace?]
    /// Problems visible without any arithmetic: small printed counts, suppressions undone elsewhere.
    var findings: [AuditFinding]
}
