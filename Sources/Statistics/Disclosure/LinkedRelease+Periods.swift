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
    /// or the fourth quarter's (a stock). Quarter counts no table prints are unknowns, laid out
    /// as "shadow" grids with the identities a quarter's table would have.
    ///
    /// A shadow keeps only the year table's dimensions that the quarter tables publish too,
    /// except where the year table is two-dimensional and both its dimensions are published
    /// quarterly, or one published quarterly is multi-valued, or both are multi-valued: then it
    /// keeps the whole grid. Dropping the other dimension loses nothing a reader knows: along a
    /// single-valued dimension the quarters publish, each line of the year table (the cases of
    /// one code) splits into the quarters' counts of that code however the line is filled, since
    /// nothing published constrains the quarters along the other dimension; with no dimension in
    /// common, any population the year admits splits into quarters of the published sizes. A
    /// multi-valued dimension the quarters publish carries which codes occur together, so
    /// there the whole grid is needed. The tests' oracle builds the whole grid for every year
    /// table and checks this (`DisclosurePeriodTests`). `shadowBudget` bounds the whole grids.
    mutating func periodRelations(_ hierarchies: [CodeHierarchy]) throws(DisclosureInputError) -> [QuantityRelation] {
        var quarterDimensions: [UnitYear: Set<String>] = [:]
        for table in tables {
            guard let period = StatPeriod(range: table.period), period.quarter != nil else { continue }
            quarterDimensions[UnitYear(unit: table.unit, year: period.year), default: []].formUnion(
                table.dimensions.map(hierarchies.detailedDimension))
        }
        guard !quarterDimensions.isEmpty else { return [] }
        var found: [QuantityRelation] = []
        for (number, table) in tables.enumerated() {
            guard let period = StatPeriod(range: table.period), period.quarter == nil,
                let link = StatUnit(rawValue: table.unit)?.periodLink,
                let shared = quarterDimensions[UnitYear(unit: table.unit, year: period.year)]
            else { continue }
            let yearGrid = fineGrids[number]
            let kept = Self.shadowDimensions(
                table.dimensions, multiValued: table.multiValued, sharedWithQuarters: shared, hierarchies: hierarchies)
            let size = kept.reduce(1) { $0 * yearGrid.extents[$1] }
            guard kept.count < 2 || 4 * size <= Self.shadowBudget else {
                throw DisclosureInputError(table: table.name, reason: Self.overBudget(table.name, size: 4 * size))
            }
            let quarters = link == .sumOfQuarters ? [1, 2, 3, 4] : [4]
            var shadows: [TableGrid] = []
            for quarter in quarters {
                guard let range = StatPeriod(year: period.year, quarter: quarter)?.range else { continue }
                var shadow = TableGrid(
                    table: number, dimensions: kept.map { yearGrid.dimensions[$0] }, codes: kept.map { yearGrid.codes[$0] },
                    isAdditive: kept.map { yearGrid.isAdditive[$0] }, quantities: [])
                for position in shadow.positions {
                    let key = hierarchies.reduce(shadow.key(at: position)) { $1.canonical($0) }
                    shadow.quantities.append(intern(QuantityKey(unit: table.unit, period: range, key: key)))
                }
                found += shadow.relations
                shadows.append(shadow)
            }
            guard let first = shadows.first else { continue }
            for (flat, position) in first.positions.enumerated() {
                guard let yearPosition = yearGrid.position(of: first.key(at: position)) else { continue }
                found.append(
                    QuantityRelation(total: yearGrid.quantity(at: yearPosition), parts: shadows.map { $0.quantities[flat] }, isSum: true))
            }
        }
        return found
    }

    /// Unknown quarter counts one year table may add as whole grids: the exact audit solves the
    /// year, its quarters and these together, and far beyond this it takes minutes
    /// (docs/disclosure-control.md, "Cost"). The policy loader refuses a policy over it.
    static let shadowBudget = 400

    static func overBudget(_ table: String, size: Int) -> String {
        "a year's table '\(table)' and the quarterly tables together need \(size) unknown quarter counts (at most \(shadowBudget)): "
            + "a quarterly table publishes a dimension of it that is multi-valued, or both of its dimensions; "
            + "publish one of them quarterly, or the other only yearly"
    }

    /// The indices of the year table's dimensions its quarters' shadow grids keep (see above).
    static func shadowDimensions(
        _ dimensions: [String], multiValued: [String], sharedWithQuarters shared: Set<String>,
        hierarchies: [CodeHierarchy]
    ) -> [Int] {
        let all = Array(dimensions.indices)
        let isShared = { (index: Int) in shared.contains(hierarchies.detailedDimension(dimensions[index])) }
        let isMulti = { (index: Int) in multiValued.contains(dimensions[index]) }
        guard dimensions.count == 2 else { return all.filter(isShared) }
        let whole = all.allSatisfy(isShared) || all.contains { isShared($0) && isMulti($0) } || all.allSatisfy(isMulti)
        return whole ? all : all.filter(isShared)
    }
}
