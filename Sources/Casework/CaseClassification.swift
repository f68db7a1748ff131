/// The counsellor's classification of a case by taxonomy codes: kept apart from what the
/// reporter chose, sealed under the office statistics key, filed by month. What statistics count.
public struct CaseClassification: Sendable, Equatable, Codable {
    /// The taxonomy version the codes belong to.
    public let taxonomy: String
    /// The month the case counts in (`YYYY-MM`).
    public let month: String
    public let kind: String
    /// Codes per facet key (`ground`, `area`, …); multi-valued facets may hold several.
    public let codes: [String: [String]]
    public let flags: [String]
    /// A region key (Kreis or kreisfreie Stadt) of the taxonomy.
    public let region: String?

    public init(taxonomy: String, month: String, kind: String, codes: [String: [String]], flags: [String], region: String?) {
        self.taxonomy = taxonomy
        self.month = month
        self.kind = kind
        self.codes = codes
        self.flags = flags
        self.region = region
    }
}
