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
    /// The month (`YYYY-MM`) the counselling was closed, while the case is in a closed step;
    /// nil while it is open (a reopened case is open again, and still not new).
    public let closedMonth: String?
    /// The outcome code of the closing, when the workflow recorded one.
    public let outcome: String?
    /// The intervention codes carried out, in order (one code may repeat).
    public let interventions: [String]

    public init(
        taxonomy: String, month: String, kind: String, codes: [String: [String]], flags: [String], region: String?,
        closedMonth: String? = nil, outcome: String? = nil, interventions: [String] = []
    ) {
        self.taxonomy = taxonomy
        self.month = month
        self.kind = kind
        self.codes = codes
        self.flags = flags
        self.region = region
        self.closedMonth = closedMonth
        self.outcome = outcome
        self.interventions = interventions
    }

    /// The same codes with the counting facts of the case as it is now: statistics count kind,
    /// closing, outcome and interventions from here, since they hold no key to the case.
    public func counting(kind: String, closedMonth: String?, outcome: String?, interventions: [String]) -> CaseClassification {
        CaseClassification(
            taxonomy: taxonomy, month: month, kind: kind, codes: codes, flags: flags, region: region,
            closedMonth: closedMonth, outcome: outcome, interventions: interventions)
    }

    enum CodingKeys: String, CodingKey {
        case taxonomy, month, kind, codes, flags, region, closedMonth, outcome, interventions
    }

    /// Classifications sealed before closing facts were kept decode with none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        taxonomy = try container.decode(String.self, forKey: .taxonomy)
        month = try container.decode(String.self, forKey: .month)
        kind = try container.decode(String.self, forKey: .kind)
        codes = try container.decode([String: [String]].self, forKey: .codes)
        flags = try container.decode([String].self, forKey: .flags)
        region = try container.decodeIfPresent(String.self, forKey: .region)
        closedMonth = try container.decodeIfPresent(String.self, forKey: .closedMonth)
        outcome = try container.decodeIfPresent(String.self, forKey: .outcome)
        interventions = try container.decodeIfPresent([String].self, forKey: .interventions) ?? []
    }
}
