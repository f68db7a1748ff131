/// One table of a release or of published statistics, in the JSON form of CONTRACT.md
/// ("Statistics tables"): at most two dimensions; `cells` holds every combination of the
/// dimensions' codes, zeros included; `margins` every sub-total, keyed by a subset of the
/// dimensions, the grand total by `{}`.
public struct StatTable: Codable, Sendable, Equatable {
    public var name: String
    /// The counting unit (`neue_faelle`, `meldungen`, …): what one count is.
    public var unit: String
    public var period: StatPeriod.Range
    public var taxonomy: String
    public var dimensions: [String]
    /// False where a dimension is multi-valued ("Nennungen"): one case may count in several
    /// cells along it, so the margin over that dimension is not the sum of its cells.
    public var additive: Bool
    /// The dimensions along which a case may count more than once (empty when `additive`).
    public var multiValued: [String]
    public var cells: [StatCell]
    public var margins: [StatCell]
    /// Global recoding before suppression (docs/disclosure-control.md, "Recoding"): per
    /// dimension, each merged code and the codes it sums ("Nennungen" along a multi-valued
    /// dimension). Empty when nothing was merged; not written then.
    public var recoded: [String: [String: [String]]] = [:]

    public init(
        name: String, unit: String, period: StatPeriod.Range, taxonomy: String, dimensions: [String],
        multiValued: [String] = [], cells: [StatCell], margins: [StatCell]
    ) {
        self.name = name
        self.unit = unit
        self.period = period
        self.taxonomy = taxonomy
        self.dimensions = dimensions
        self.additive = multiValued.isEmpty
        self.multiValued = multiValued
        self.cells = cells
        self.margins = margins
    }

    enum CodingKeys: String, CodingKey {
        case name, unit, period, taxonomy, dimensions, additive, multiValued, cells, margins, recoded
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        unit = try container.decode(String.self, forKey: .unit)
        period = try container.decode(StatPeriod.Range.self, forKey: .period)
        taxonomy = try container.decode(String.self, forKey: .taxonomy)
        dimensions = try container.decode([String].self, forKey: .dimensions)
        additive = try container.decode(Bool.self, forKey: .additive)
        multiValued = try container.decodeIfPresent([String].self, forKey: .multiValued) ?? []
        cells = try container.decode([StatCell].self, forKey: .cells)
        margins = try container.decode([StatCell].self, forKey: .margins)
        recoded = try container.decodeIfPresent([String: [String: [String]]].self, forKey: .recoded) ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(unit, forKey: .unit)
        try container.encode(period, forKey: .period)
        try container.encode(taxonomy, forKey: .taxonomy)
        try container.encode(dimensions, forKey: .dimensions)
        try container.encode(additive, forKey: .additive)
        if !multiValued.isEmpty { try container.encode(multiValued, forKey: .multiValued) }
        try container.encode(cells, forKey: .cells)
        try container.encode(margins, forKey: .margins)
        if !recoded.isEmpty { try container.encode(recoded, forKey: .recoded) }
    }
}
