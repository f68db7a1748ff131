/// All tables of one release read as one system of quantities: each distinct (unit, period,
/// key) is one quantity however many tables print it, and every table contributes the
/// identities between its cells and margins. Both `DisclosureControl` and `DisclosureAudit`
/// work on this, so a count shared by two tables is decided once and checked once.
struct LinkedRelease: Sendable {
    let tables: [StatTable]
    /// Every quantity of the release: printed ones and the unprinted totals of each table's grid.
    private(set) var quantities: [QuantityKey] = []
    /// Where each quantity is printed; empty for a total no table prints.
    private(set) var places: [[CountPlace]] = []
    /// Where each quantity sits in the grids of the tables whose grid holds it.
    private(set) var gridPlaces: [[(table: Int, position: [Int])]] = []
    /// Each table's grid as printed: what the heuristics choose suppressions from.
    private(set) var grids: [TableGrid] = []
    /// Each table's grid before recoding (the printed one where nothing was merged): what the
    /// identities, the year's quarters and the hierarchies are stated on.
    private(set) var fineGrids: [TableGrid] = []
    /// Counts recoding merged away: never printed, known only through their merged sums, and
    /// checked like suppressed ones (`DisclosureAudit.checkRecoded`).
    private(set) var recodedHidden: [Int] = []
    private(set) var relations: [QuantityRelation] = []
    private(set) var groupLines: [GroupLine] = []
    /// Quantities from here on are counts of quarters no table of the release prints (the
    /// "shadow" grids of `periodRelations`).
    private(set) var firstUnpublished = 0
    /// Those of them a quarter's table of the same unit would print (its total, its margins):
    /// the audit keeps them from being pinned small (`checkUnpublished`).
    private(set) var watchedUnpublished: [Int] = []
    private var index: [QuantityKey: Int] = [:]

    /// Reads the tables' structure (not their counts); throws when a table is malformed.
    /// `hierarchies` link top-level and detailed codes of a facet (`ground_top`, `ground`).
    init(_ tables: [StatTable], hierarchies: [CodeHierarchy] = []) throws(DisclosureInputError) {
        self.tables = tables
        var names = Set<String>()
        for (number, table) in tables.enumerated() {
            // Tables of different periods (a year and its quarters) may share a name.
            guard names.insert("\(table.name)|\(table.period.from.iso)|\(table.period.to.iso)").inserted else {
                throw DisclosureInputError(table: table.name, reason: "two tables of the release have this name and period")
            }
            var grid = try Self.grid(of: table, number: number)
            var fine = try Self.fineGrid(of: table, printed: grid)
            if var unmerged = fine {
                for position in unmerged.positions {
                    let key = hierarchies.reduce(unmerged.key(at: position)) { $1.canonical($0) }
                    unmerged.quantities.append(intern(QuantityKey(unit: table.unit, period: table.period, key: key)))
                }
                fine = unmerged
            }
            for position in grid.positions {
                let key = Self.mergedKey(hierarchies.reduce(grid.key(at: position)) { $1.canonical($0) }, table.recoded, hierarchies)
                grid.quantities.append(intern(QuantityKey(unit: table.unit, period: table.period, key: key)))
            }
            try place(table, number: number, in: grid)
            grids.append(grid)
            fineGrids.append(fine ?? grid)
        }
        let (mergedSums, hidden) = recodingRelations()
        recodedHidden = hidden
        firstUnpublished = quantities.count
        let periodLinks = try periodRelations(hierarchies)
        watchedUnpublished = (firstUnpublished..<quantities.count).filter { quantity in
            let key = quantities[quantity]
            let year = key.period.from.year
            return tables.contains { table in
                table.unit == key.unit && table.period.from.year == year && StatPeriod(range: table.period)?.quarter != nil
                    && Set(key.key.keys).isSubset(of: table.dimensions)
            }
        }
        var seen = Set<QuantityRelation>()
        relations = (fineGrids.flatMap(\.relations) + mergedSums + periodLinks + hierarchyRelations(hierarchies)).filter {
            seen.insert($0).inserted
        }
        var seenLines = Set<GroupLine>()
        groupLines = (grids.flatMap(\.groupLines) + fineGrids.flatMap(\.groupLines)).filter { seenLines.insert($0).inserted }
    }

    var count: Int { quantities.count }

    func isPrinted(_ quantity: Int) -> Bool { !places[quantity].isEmpty }

    func quantity(of key: QuantityKey) -> Int? { index[key] }

    /// The printed count at a place.
    func cell(at place: CountPlace) -> StatCell {
        let table = tables[place.table]
        return place.isMargin ? table.margins[place.position] : table.cells[place.position]
    }

    /// A margin anywhere (a sub-total or the grand total), rather than only an interior cell.
    func isMarginSomewhere(_ quantity: Int) -> Bool {
        // Cells are always printed (a table lists all of them), so an unprinted quantity is a total.
        places[quantity].contains(where: \.isMargin) || !isPrinted(quantity)
    }

    mutating func intern(_ key: QuantityKey) -> Int {
        if let known = index[key] { return known }
        index[key] = quantities.count
        quantities.append(key)
        places.append([])
        gridPlaces.append([])
        return quantities.count - 1
    }

    private mutating func place(_ table: StatTable, number: Int, in grid: TableGrid) throws(DisclosureInputError) {
        for position in grid.positions {
            gridPlaces[grid.quantity(at: position)].append((number, position))
        }
        for (isMargin, counts) in [(false, table.cells), (true, table.margins)] {
            var taken = Set<Int>()
            for (offset, cell) in counts.enumerated() {
                guard let position = grid.position(of: cell.key), isMargin == (cell.key.count < table.dimensions.count) else {
                    throw DisclosureInputError(
                        table: table.name, key: cell.key,
                        reason: "the key does not name \(isMargin ? "a proper subset of" : "every one of") the dimensions with known codes")
                }
                let quantity = grid.quantity(at: position)
                guard taken.insert(quantity).inserted else {
                    throw DisclosureInputError(table: table.name, key: cell.key, reason: "the key appears twice")
                }
                places[quantity].append(CountPlace(table: number, isMargin: isMargin, position: offset))
            }
        }
    }
}
