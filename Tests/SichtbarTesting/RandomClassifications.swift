import Casework
import Statistics

/// Seeded classifications for tests that hold two ways of doing one thing against each other
/// (old and new counting, JSON and binary plaintexts, one and four runs): mostly codes of the
/// shipped taxonomy and workflow, with subtypes, repeats, unknown codes, missing facets and
/// months around the year counted, so every branch of the counting is taken.
public struct RandomClassifications {
    var random: SplitMix64

    public init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let grounds = [
        "antisemitismus", "antimuslimisch", "anti_schwarz", "antiziganistisch", "rassistische_zuschreibung", "lebensalter",
        "sprache", "behinderung_chronische_krankheit", "geschlecht_geschlechtsidentitaet", "sozialer_status", "kein_merkmal",
    ]
    static let areas = ["arbeit", "wohnen", "schule", "bildung", "gesundheit", "aemter_behoerden", "polizei_justiz", "nirgendwo"]
    static let perpetrators = ["privatperson", "unternehmen", "vermieter", "polizei", "behoerde_kommune", "unbekannt"]
    static let regions = ["05913", "05315", "05111", "05515", "05711", "05334", "99999"]
    static let kinds = ["beratungsfall", "meldung", "organisationsberatung", "kontakt"]
    static let outcomes = ["erfolgreich", "kurzberatung", "dokumentiert", "offen_gelassen"]
    static let interventions = ["beschwerdebrief", "bitte_um_stellungnahme", "begleitung", "verweisberatung", "gebet"]
    static let flags = ["mehrdimensional", "unbekannt"]

    mutating func some(_ pool: [String], upTo count: Int) -> [String] {
        (0..<Int.random(in: 0...count, using: &random)).compactMap { _ in pool.randomElement(using: &random) }
    }

    mutating func month(_ years: ClosedRange<Int>) -> String {
        let month = Int.random(in: 1...12, using: &random)
        return "\(Int.random(in: years, using: &random))-\(month < 10 ? "0" : "")\(month)"
    }

    public mutating func next(taxonomy: String = "1") -> CaseClassification {
        var codes: [String: [String]] = [:]
        for (key, pool, count) in [("ground", Self.grounds, 3), ("area", Self.areas, 2), ("perpetrator", Self.perpetrators, 1)] {
            let picked = some(pool, upTo: count)
            if !picked.isEmpty || Bool.random(using: &random) { codes[key] = picked }
        }
        let closed = Int.random(in: 0..<3, using: &random) == 0 ? nil : month(2025...2027)
        return CaseClassification(
            taxonomy: taxonomy, month: month(2024...2027), kind: Self.kinds.randomElement(using: &random) ?? "meldung", codes: codes,
            flags: some(Self.flags, upTo: 2), region: Bool.random(using: &random) ? Self.regions.randomElement(using: &random) : nil,
            closedMonth: closed, outcome: closed == nil ? nil : Self.outcomes.randomElement(using: &random),
            interventions: some(Self.interventions, upTo: 3))
    }
}
