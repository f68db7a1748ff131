/// Checking one table's shape and laying it out as a grid.
extension LinkedRelease {
    /// The table's grid, its `quantities` still empty: the caller interns `keys(of:)`.
    static func grid(of table: StatTable, number: Int) throws(DisclosureInputError) -> TableGrid {
        func refuse(_ reason: String) -> DisclosureInputError { DisclosureInputError(table: table.name, reason: reason) }
        let dimensions = table.dimensions
        guard dimensions.count <= 2 else { throw refuse("published tables have at most two dimensions") }
        guard Set(dimensions).count == dimensions.count else { throw refuse("a dimension is named twice") }
        guard Set(table.multiValued).isSubset(of: dimensions) else { throw refuse("multiValued names a dimension the table does not have") }
        guard table.additive == table.multiValued.isEmpty else {
            throw refuse("additive must be false exactly when a dimension is multi-valued")
        }
        guard !table.cells.isEmpty else { throw refuse("the table has no cells") }
        var codes = [[String]](repeating: [], count: dimensions.count)
        for cell in table.cells {
            guard Set(cell.key.keys) == Set(dimensions) else {
                throw DisclosureInputError(table: table.name, key: cell.key, reason: "a cell's key must name every dimension")
            }
            for (dimension, name) in dimensions.enumerated() {
                if let code = cell.key[name], !codes[dimension].contains(code) { codes[dimension].append(code) }
            }
        }
        guard codes.reduce(1, { $0 * $1.count }) == table.cells.count else {
            throw refuse("cells must list every combination of the dimensions' codes exactly once")
        }
        return TableGrid(
            table: number, dimensions: dimensions, codes: codes,
            isAdditive: dimensions.map { !table.multiValued.contains($0) }, quantities: [])
    }
}
