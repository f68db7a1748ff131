/// Why exact tables could not be made noisy. Each names the table, since a release holds many.
public enum NoisyTablesError: Error, Sendable, Equatable {
    /// ε is zero or beyond what the sampler takes (see `DiscreteLaplace.init?(epsilon:)`).
    case unusableEpsilon(Epsilon)
    /// A count is missing: noise is added to exact tables, never to already suppressed ones.
    case countMissing(table: String, key: [String: String])
    /// An interior cell's key does not name exactly the table's dimensions, or a margin's key
    /// names a dimension the table does not have.
    case keyDoesNotFit(table: String, key: [String: String])
}
