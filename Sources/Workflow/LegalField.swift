/// A field of law a case may belong to (Policies/workflow.yaml, `fields`): employment, civil,
/// public, criminal law, data protection. Every deadline rule names one, and a rule starts only
/// in a case of its field — § 61b ArbGG has no business in a housing case.
public struct LegalField: Sendable, Equatable {
    public let code: String
    public let labels: [String: String]
    /// Every case belongs to it (the office's own duties: the first response, Art. 12 DSGVO).
    public let always: Bool
    /// Area-of-life codes of the taxonomy whose cases belong to it; a parent code covers its
    /// children unless a child is named under another field.
    public let areas: [String]
    /// Form codes of the taxonomy whose cases belong to it (an insult: a criminal complaint).
    public let forms: [String]
    /// Its rules are deadlines of the law (false for the office's own standard, the first
    /// response): only those are legal deadlines on `/deadlines`, and only those can be missed.
    public let legal: Bool

    public init(
        code: String, labels: [String: String], always: Bool = false, areas: [String] = [], forms: [String] = [], legal: Bool = true
    ) {
        self.code = code
        self.labels = labels
        self.always = always
        self.areas = areas
        self.forms = forms
        self.legal = legal
    }

    /// The label in `language`, else German, else the code.
    public func label(_ language: String) -> String {
        labels[language] ?? labels["de"] ?? code
    }
}
