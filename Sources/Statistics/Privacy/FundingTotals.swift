/// The one exact table of a `mode: dp` release: the total of each counting unit, not noised,
/// because funding reports (Förderberichte) need the true number of cases (DESIGN.md: "exact
/// totals stay available for funding reports"). It is labelled in its name and its unit so no
/// reader mistakes it for a noisy table, holds no breakdown (only whole-period totals per unit),
/// and gets disclosure control of its own when the Verband merges it.
public enum FundingTotals {
    /// The table's name: "exact totals for the funding report".
    public static let name = "exakte_summen_foerderbericht"
    /// The table's unit: each cell is the exact total of the unit named by its key.
    public static let unit = "exakte_summe"
    /// The dimension whose codes are the counting units (`neue_faelle`, `kurzkontakte`, …).
    public static let dimension = "einheit"

    /// The distinct units of `specs`, in the order they first appear: the table's codes.
    public static func units(of specs: [TableSpec]) -> [String] {
        var seen = Set<String>()
        return specs.map(\.unit.rawValue).filter { seen.insert($0).inserted }
    }

    /// The table from a release's exact tables: per unit, the grand total of the first table
    /// counting it (the only cell of a table without dimensions). Nil when a total is missing.
    public static func table(from exact: [StatTable]) -> StatTable? {
        guard let first = exact.first else { return nil }
        var units: [String] = []
        var totals: [String: Int] = [:]
        for table in exact where totals[table.unit] == nil {
            let total = table.dimensions.isEmpty ? table.cells.first?.count : table.margins.first { $0.key.isEmpty }?.count
            guard let total else { return nil }
            units.append(table.unit)
            totals[table.unit] = total
        }
        return StatTable(
            name: name, unit: unit, period: first.period, taxonomy: first.taxonomy, dimensions: [dimension],
            cells: units.map { StatCell(key: [dimension: $0], count: totals[$0]) }, margins: [])
    }
}
