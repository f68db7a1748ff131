/// The identities between a year and its quarters (`PeriodLink`), for releases that hold
/// tables of both: what a reader who subtracts published quarters from the published year
/// knows. See docs/disclosure-control.md, "A year and its quarters".
extension LinkedRelease {
    private struct UnitYear: Hashable {
        var unit: String
        var year: Int
    }

    /// For every year table of a linked unit whose year also has quarter tables of that unit:
    /// each of its counts equals the sum of the four quarters' counts with the same key (a flow),
    /// or the fourth quarter's (a stock). Quarter counts no table prints are unknowns. Where a
    /// year table shares a dimension with the quarter tables (or has a multi-valued dimension
    /// beside another), each quarter gets the table's whole grid of unknowns with its identities
    /// ("shadow" grids), since a reader knows each quarter's unpublished table adds up too;
    /// otherwise only the grand totals are linked, which loses nothing: any table of the year
    /// splits into quarter tables with the given totals (a table of single-valued dimensions is
    /// a population of cases, and a one-dimensional Nennungen table splits greedily).
    mutating func periodRelations(_ hierarchies: [CodeHierarchy]) -> [QuantityRelation] {
        func base(_ dimension: String) -> String { hierarchies.first { $0.topLevel == dimension }?.detailed ?? dimension }
        var quarterDimensions: [UnitYear: Set<String>] = [:]
        for table in tables {
            guard let period = StatPeriod(range: table.period), period.quarter != nil else { continue }
            quarterDimensions[UnitYear(unit: table.unit, year: period.year), default: []].formUnion(table.dimensions.map(base))
        }
        guard !quarterDimensions.isEmpty else { return [] }
        var found: [QuantityRelation] = []
        for (number, table) in tables.enumerated() {
            guard let period = StatPeriod(range: table.period), period.quarter == nil,
                  let link = StatUnit(rawValue: table.unit)?.periodLink,
                  let shared = quarterDimensions[UnitYear(unit: table.unit, year: period.year)] else { continue }
            let yearGrid = grids[number]
            let whole = !shared.isDisjoint(with: table.dimensions.map(base)) || (table.dimensions.count == 2 && !table.multiValued.isEmpty)
            let quarters = link == .sumOfQuarters ? [1, 2, 3, 4] : [4]
            var shadows: [TableGrid] = []
            for quarter in quarters {
                guard let range = StatPeriod(year: period.year, quarter: quarter)?.range else { continue }
                var shadow = yearGrid
                shadow.quantities = []
                let positions = whole ? shadow.positions : [shadow.extents.map { $0 - 1 }]
                for position in positions {
                    let key = hierarchies.reduce(shadow.key(at: position)) { $1.canonical($0) }
                    shadow.quantities.append(intern(QuantityKey(unit: table.unit, period: range, key: key)))
                }
                if whole { found += shadow.relations }
                shadows.append(shadow)
            }
            if whole {
                for (flat, total) in yearGrid.quantities.enumerated() {
                    found.append(QuantityRelation(total: total, parts: shadows.map { $0.quantities[flat] }, isSum: true))
                }
            } else {
                let grandTotal = yearGrid.quantity(at: yearGrid.extents.map { $0 - 1 })
                found.append(QuantityRelation(total: grandTotal, parts: shadows.compactMap(\.quantities.first), isSum: true))
            }
        }
        return found
    }
}
