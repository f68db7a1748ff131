/// Recoded tables (`StatTable.recoded`) read as a reader reads them: the merged count is the
/// sum of its members, and the members keep every identity the unmerged table would have had
/// (with the year's quarters and the other level of the hierarchy too). So the audit sees
/// exactly what merging tells, and the members are checked like suppressed counts.
extension LinkedRelease {
    /// The grid with every merged code replaced by its members, or nil when nothing was merged.
    /// Throws when the recoding does not fit the table.
    static func fineGrid(of table: StatTable, printed: TableGrid) throws(DisclosureInputError) -> TableGrid? {
        guard !table.recoded.isEmpty else { return nil }
        func refuse(_ reason: String) -> DisclosureInputError { DisclosureInputError(table: table.name, reason: reason) }
        var codes = printed.codes
        for (dimension, merged) in table.recoded {
            guard let axis = printed.dimensions.firstIndex(of: dimension) else {
                throw refuse("recoded names '\(dimension)', not a dimension of the table")
            }
            var seen = Set<String>()
            for (code, members) in merged {
                guard printed.codes[axis].contains(code) else { throw refuse("the merged code '\(code)' is not a code of \(dimension)") }
                guard members.count >= 2 else { throw refuse("the merged code '\(code)' has fewer than two members") }
                for member in members {
                    guard !printed.codes[axis].contains(member), seen.insert(member).inserted else {
                        throw refuse("'\(member)' is merged into '\(code)' but also listed elsewhere along \(dimension)")
                    }
                }
            }
            codes[axis] = printed.codes[axis].flatMap { merged[$0] ?? [$0] }
        }
        return TableGrid(table: printed.table, dimensions: printed.dimensions, codes: codes, isAdditive: printed.isAdditive, quantities: [])
    }

    /// The key a merged count is interned under: the merged code with its members, so that two
    /// publications merging differently never share a quantity. A top-level group of codes that
    /// have no subtypes counts exactly what the detailed group of the same codes counts, so it
    /// is keyed as that one (as `CodeHierarchy.canonical` does for a single code): the two
    /// tables then print one quantity, suppressed together.
    static func mergedKey(_ key: [String: String], _ recoded: [String: [String: [String]]], _ hierarchies: [CodeHierarchy]) -> [String:
        String]
    {
        var named = key
        for (dimension, code) in key {
            guard let members = recoded[dimension]?[code] else { continue }
            let encoded = "\(code)[\(members.sorted().joined(separator: "+"))]"
            if let hierarchy = hierarchies.first(where: { $0.topLevel == dimension }), key[hierarchy.detailed] == nil,
                members.allSatisfy({ hierarchy.covers[$0] == [$0] })
            {
                named[dimension] = nil
                named[hierarchy.detailed] = encoded
            } else {
                named[dimension] = encoded
            }
        }
        return named
    }

    /// For every recoded table: each printed merged count = the sum of its members' counts (a
    /// sum even along a multi-valued dimension: a merged count is defined as that sum), and
    /// the counts recoding hides.
    func recodingRelations() -> (relations: [QuantityRelation], hidden: [Int]) {
        var relations: [QuantityRelation] = []
        var hidden = Set<Int>()
        for (number, table) in tables.enumerated() where !table.recoded.isEmpty {
            let printed = grids[number]
            let fine = fineGrids[number]
            for position in printed.positions {
                // Along each dimension, the fine indices the printed index stands for.
                var choices: [[Int]] = []
                var merged = false
                for (axis, index) in position.enumerated() {
                    if printed.isTotal(index, along: axis) {
                        choices.append([fine.codes[axis].count])
                    } else if let members = table.recoded[printed.dimensions[axis]]?[printed.codes[axis][index]] {
                        choices.append(members.compactMap { fine.codes[axis].firstIndex(of: $0) })
                        merged = true
                    } else {
                        choices.append(fine.codes[axis].firstIndex(of: printed.codes[axis][index]).map { [$0] } ?? [])
                    }
                }
                guard merged else { continue }
                let parts = choices.reduce([[Int]]([[]])) { partial, options in partial.flatMap { prefix in options.map { prefix + [$0] } }
                }
                .map(fine.quantity(at:))
                hidden.formUnion(parts)
                relations.append(QuantityRelation(total: printed.quantity(at: position), parts: parts, isSum: true))
            }
        }
        return (relations, hidden.filter { !isPrinted($0) }.sorted())
    }

    /// The exact count of every cell and margin of unmerged tables, by quantity: what
    /// `exactCounts` gives the counts recoding hides.
    static func counts(of tables: [StatTable], hierarchies: [CodeHierarchy]) -> [QuantityKey: Int] {
        var counts: [QuantityKey: Int] = [:]
        for table in tables {
            for cell in table.cells + table.margins {
                guard let count = cell.count else { continue }
                let key = hierarchies.reduce(cell.key) { $1.canonical($0) }
                counts[QuantityKey(unit: table.unit, period: table.period, key: key)] = count
            }
        }
        return counts
    }
}
