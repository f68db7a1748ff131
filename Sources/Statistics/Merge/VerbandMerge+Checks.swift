/// Checking one office's tables against the policy and the files before it.
extension VerbandMerge {
    /// The tables a release of `period` holds: all for a year, the quarterly ones for a quarter
    /// (as `OfficeStatistics` counts them), in the policy's order.
    func expectedSpecs(_ period: StatPeriod) -> [TableSpec] {
        period.quarter == nil ? policy.tables : policy.tables(for: "quarterly")
    }

    /// The names of the merged tables, in the order they are published.
    func expectedNames(_ period: StatPeriod) -> [String] {
        expectedSpecs(period).map(\.name) + (policy.mode == .dp ? [FundingTotals.name] : [])
    }

    func checkTables(of file: StatFile, index: Int, first: StatFile?) throws(MergeRefusal) {
        func refuse(_ reason: MergeRefusal.Reason) -> MergeRefusal { MergeRefusal(fileIndex: index, reason: reason) }
        let specs = expectedSpecs(file.period)
        var names = Set<String>()
        for table in file.tables {
            guard names.insert(table.name).inserted else {
                throw refuse(.tableShape(table: table.name, problem: "the table is listed twice"))
            }
            let unit: String
            let dimensions: [String]
            if let spec = specs.first(where: { $0.name == table.name }) {
                (unit, dimensions) = (spec.unit.rawValue, spec.dimensions.map(\.key))
            } else if policy.mode == .dp, table.name == FundingTotals.name {
                (unit, dimensions) = (FundingTotals.unit, [FundingTotals.dimension])
            } else {
                throw refuse(.unexpectedTable(table.name))
            }
            if let problem = shapeProblem(
                table, unit: unit, dimensions: dimensions, period: file.period,
                earlier: first?.tables.first { $0.name == table.name }, specs: specs)
            {
                throw refuse(.tableShape(table: table.name, problem: problem))
            }
            for count in table.cells + table.margins {
                guard let value = count.count, !count.suppressed else { throw refuse(.countMissing(table: table.name, key: count.key)) }
                guard (0...LinkedRelease.largestCount).contains(value) else {
                    throw refuse(.tableShape(table: table.name, problem: "a count lies outside 0…\(LinkedRelease.largestCount)"))
                }
            }
        }
        for name in expectedNames(file.period) where !names.contains(name) { throw refuse(.tableMissing(name)) }
        // Exact tables must add up office by office, so a wrong file is named, not a wrong sum:
        // checked for every file at once in `openAll` (`OpenedFile.inconsistency`).
    }

    /// What is wrong with a table's shape, or nil. Keys are compared with the first file's, in
    /// order, so the sums line up cell by cell.
    private func shapeProblem(
        _ table: StatTable, unit: String, dimensions: [String], period: StatPeriod,
        earlier: StatTable?, specs: [TableSpec]
    ) -> String? {
        guard table.unit == unit else { return "the unit is \(table.unit), the policy says \(unit)" }
        guard table.dimensions == dimensions else {
            return
                "the dimensions are [\(table.dimensions.joined(separator: ", "))], the policy says [\(dimensions.joined(separator: ", "))]"
        }
        guard table.period == period.range else { return "the table's days are not those of \(period)" }
        guard table.taxonomy == taxonomyVersion else { return "the table uses taxonomy version \(table.taxonomy), not \(taxonomyVersion)" }
        guard table.additive == table.multiValued.isEmpty, Set(table.multiValued).isSubset(of: dimensions) else {
            return "additive and multiValued do not agree"
        }
        guard table.recoded.isEmpty else { return "an office's table is never recoded: the Verband recodes once, on the merged tables" }
        let dimensionSet = Set(dimensions)
        guard table.cells.allSatisfy({ Set($0.key.keys) == dimensionSet }),
            table.margins.allSatisfy({ Set($0.key.keys).isStrictSubset(of: dimensionSet) })
        else {
            return "a key does not fit the dimensions"
        }
        if table.name != FundingTotals.name {
            for count in table.cells + table.margins {
                for (dimension, code) in count.key where !(policy.dimensionCodes[dimension]?.contains(code) ?? false) {
                    return "the key \(dimension)=\(String(code.unicodeScalars.prefix(40))) is not a code of the taxonomy in force"
                }
            }
        }
        if table.name == FundingTotals.name {
            let units = FundingTotals.units(of: specs)
            guard table.cells.map({ $0.key[FundingTotals.dimension] ?? "" }) == units, table.margins.isEmpty else {
                return "the exact totals must list the units \(units.joined(separator: ", ")) and nothing else"
            }
        }
        guard let earlier else { return nil }
        guard table.multiValued == earlier.multiValued else { return "the multi-valued dimensions differ from the first file's" }
        guard table.cells.map(\.key) == earlier.cells.map(\.key) else { return "the cells' keys differ from the first file's" }
        guard table.margins.map(\.key) == earlier.margins.map(\.key) else { return "the margins' keys differ from the first file's" }
        return nil
    }
}
