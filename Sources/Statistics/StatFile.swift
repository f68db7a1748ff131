import Casework
import SichtbarCore

/// A file of tables as CONTRACT.md ("Statistics tables") writes it: an office's release to the
/// Verband (`scope: office`) or what the Verband publishes (`scope: verband`), signed over the
/// RFC 8785 canonical JSON of the object without its `signature` member (`StatFile+Signing`).
///
/// `period` is written as the release period's own text (`"2026"`, `"2026-Q3"`), not a date
/// range: a release covers a closed year or quarter and nothing else, and decoding refuses any
/// other text. The tables carry the first and last day.
public struct StatFile: Codable, Sendable, Equatable {
    /// Who produced the tables: one office (internal, exact or noisy) or the Verband (published).
    public enum Scope: String, Codable, Sendable {
        case office
        case verband
    }

    public var scope: Scope
    /// The office's identifier; present for `scope: office`, absent for the Verband's files.
    public var office: String?
    public var period: StatPeriod
    /// The SHA-256 (hex) of the `statistics.yaml` the tables were computed under.
    public var policy: String
    /// The taxonomy version the codes in the tables belong to.
    public var taxonomy: String
    public var generatedOn: Day
    public var tables: [StatTable]
    /// Absent until `signed(with:)`; never part of what is signed.
    public var signature: StatSignature?

    public init(
        scope: Scope, office: String? = nil, period: StatPeriod, policy: String, taxonomy: String,
        generatedOn: Day, tables: [StatTable], signature: StatSignature? = nil
    ) {
        self.scope = scope
        self.office = office
        self.period = period
        self.policy = policy
        self.taxonomy = taxonomy
        self.generatedOn = generatedOn
        self.tables = tables
        self.signature = signature
    }

    enum CodingKeys: String, CodingKey {
        case scope, office, period, policy, taxonomy, generatedOn, tables, signature
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        scope = try container.decode(Scope.self, forKey: .scope)
        office = try container.decodeIfPresent(String.self, forKey: .office)
        let periodText = try container.decode(String.self, forKey: .period)
        guard let period = StatPeriod(periodText) else {
            throw DecodingError.dataCorruptedError(
                forKey: .period, in: container,
                debugDescription: "not a year (2026) or a quarter (2026-Q3)")
        }
        self.period = period
        policy = try container.decode(String.self, forKey: .policy)
        taxonomy = try container.decode(String.self, forKey: .taxonomy)
        generatedOn = try container.decode(Day.self, forKey: .generatedOn)
        tables = try container.decode([StatTable].self, forKey: .tables)
        signature = try container.decodeIfPresent(StatSignature.self, forKey: .signature)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scope, forKey: .scope)
        try container.encodeIfPresent(office, forKey: .office)
        try container.encode(period.description, forKey: .period)
        try container.encode(policy, forKey: .policy)
        try container.encode(taxonomy, forKey: .taxonomy)
        try container.encode(generatedOn, forKey: .generatedOn)
        try container.encode(tables, forKey: .tables)
        try container.encodeIfPresent(signature, forKey: .signature)
    }
}
