import SichtbarCore

/// What one retention run found and did, per kind: what `retention run` prints.
public struct RetentionReport: Sendable, Equatable {
    /// Cases due on the run's day, per kind.
    public var due: [RetentionKind: Int] = [:]
    /// Cases shredded, per kind (equal to `due` unless a case changed meanwhile, or a dry run).
    public var shredded: [RetentionKind: Int] = [:]
    /// Classifications of deleted cases in released years: due, and dropped.
    public var facetsDue = 0
    public var facetsDropped = 0
    /// Unclassified reports past their flag day, not yet due.
    public var flagged = 0
    /// Cases that would be due but for a legal hold.
    public var held = 0
    public let day: Day
    public let dryRun: Bool

    public init(day: Day, dryRun: Bool) {
        self.day = day
        self.dryRun = dryRun
    }

    /// What `retention run --json` prints: `{"due": {KIND: N}, "shredded": {KIND: N}, …}` with
    /// every kind named, zeros included, and the classifications as `facets`.
    public struct Summary: Encodable, Sendable {
        public let day: String
        public let dryRun: Bool
        public let due: [String: Int]
        public let shredded: [String: Int]
        public let flagged: Int
        public let held: Int
    }

    public var json: Summary {
        func counts(_ map: [RetentionKind: Int], facets: Int) -> [String: Int] {
            var result = Dictionary(uniqueKeysWithValues: RetentionKind.allCases.map { ($0.rawValue, map[$0] ?? 0) })
            result["facets"] = facets
            return result
        }
        return Summary(
            day: day.iso, dryRun: dryRun, due: counts(due, facets: facetsDue), shredded: counts(shredded, facets: facetsDropped),
            flagged: flagged, held: held)
    }
}
