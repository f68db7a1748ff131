/// The identities a table publishes, and its rows and columns as groups.
extension TableGrid {
    /// For every position and every dimension along which it is a total: the total and the
    /// codes it sums over. Covers grand total ↔ margins and margins ↔ cells.
    var relations: [QuantityRelation] {
        var found: [QuantityRelation] = []
        for position in positions {
            for dimension in dimensions.indices where isTotal(position[dimension], along: dimension) {
                let parts = codes[dimension].indices.map { code in
                    var part = position
                    part[dimension] = code
                    return quantity(at: part)
                }
                found.append(QuantityRelation(total: quantity(at: position), parts: parts, isSum: isAdditive[dimension]))
            }
        }
        return found
    }

    /// Rows and columns of a two-dimensional table with at least two cells, each with its group
    /// margin. Lines of margins (the whole population by one dimension) are not groups.
    var groupLines: [GroupLine] {
        guard dimensions.count == 2 else { return [] }
        var lines: [GroupLine] = []
        for varying in 0..<2 where codes[varying].count >= 2 {
            let fixed = 1 - varying
            for value in codes[fixed].indices {
                func at(_ index: Int) -> Int {
                    var position = [0, 0]
                    position[fixed] = value
                    position[varying] = index
                    return quantity(at: position)
                }
                lines.append(GroupLine(table: table, group: at(codes[varying].count), cells: codes[varying].indices.map(at)))
            }
        }
        return lines
    }
}
