/// Adding the offices' tables.
extension VerbandMerge {
    /// Every table summed count by count across the files (checked to have the same keys in the
    /// same order). Margins are summed too: a multi-valued margin counts each office's cases
    /// once, and cases are distinct across offices, so the sum still counts cases.
    func sum(_ files: [StatFile]) -> [StatTable] {
        guard let first = files.first else { return [] }
        let byName = files.map { file in Dictionary(file.tables.map { ($0.name, $0) }, uniquingKeysWith: { earlier, _ in earlier }) }
        return expectedNames(first.period).compactMap { name -> StatTable? in
            guard var table = byName[0][name] else { return nil }
            var cells = [Int](repeating: 0, count: table.cells.count)
            var margins = [Int](repeating: 0, count: table.margins.count)
            for tables in byName {
                guard let other = tables[name] else { continue }
                for (offset, cell) in other.cells.enumerated() where offset < cells.count { cells[offset] += cell.count ?? 0 }
                for (offset, margin) in other.margins.enumerated() where offset < margins.count { margins[offset] += margin.count ?? 0 }
            }
            table.cells = zip(table.cells, cells).map { StatCell(key: $0.key, count: $1) }
            table.margins = zip(table.margins, margins).map { StatCell(key: $0.key, count: $1) }
            return table
        }
    }
}
