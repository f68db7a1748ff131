import Statistics
import Testing

/// Building small releases by hand for the disclosure tests.
enum DisclosureFixtures {
    static var period: StatPeriod.Range {
        get throws { try #require(StatPeriod(year: 2026)).range }
    }

    /// A one-dimensional table; the total is printed when given.
    static func oneWay(
        _ name: String, _ dimension: String, _ counts: [(String, Int)], total: Int? = nil,
        unit: String = "neue_faelle", multiValued: Bool = false
    ) throws -> StatTable {
        StatTable(
            name: name, unit: unit, period: try period, taxonomy: "3", dimensions: [dimension],
            multiValued: multiValued ? [dimension] : [],
            cells: counts.map { StatCell(key: [dimension: $0.0], count: $0.1) },
            margins: total.map { [StatCell(key: [:], count: $0)] } ?? [])
    }

    /// A two-dimensional table. Margins default to the sums of the cells (right for single-valued
    /// dimensions); pass them for multi-valued ones, or `[]` / nil to leave them unprinted.
    static func twoWay(
        _ name: String, rows: (String, [String]), columns: (String, [String]), _ counts: [[Int]],
        rowTotals: [Int]?? = .some(nil), columnTotals: [Int]?? = .some(nil), total: Int?? = .some(nil),
        unit: String = "neue_faelle", multiValued: [String] = []
    ) throws -> StatTable {
        var cells: [StatCell] = []
        for (row, rowCode) in rows.1.enumerated() {
            for (column, columnCode) in columns.1.enumerated() {
                cells.append(StatCell(key: [rows.0: rowCode, columns.0: columnCode], count: counts[row][column]))
            }
        }
        var margins: [StatCell] = []
        if case .some(let given) = rowTotals {
            let values = given ?? counts.map { $0.reduce(0, +) }
            margins += zip(rows.1, values).map { StatCell(key: [rows.0: $0.0], count: $0.1) }
        }
        if case .some(let given) = columnTotals {
            let values = given ?? columns.1.indices.map { column in counts.reduce(0) { $0 + $1[column] } }
            margins += zip(columns.1, values).map { StatCell(key: [columns.0: $0.0], count: $0.1) }
        }
        if case .some(let given) = total {
            margins.append(StatCell(key: [:], count: given ?? counts.joined().reduce(0, +)))
        }
        return StatTable(
            name: name, unit: unit, period: try period, taxonomy: "3", dimensions: [rows.0, columns.0],
            multiValued: multiValued, cells: cells, margins: margins)
    }

    /// The naive protection the tests show to leak: primary suppression of counts in 1..4 only.
    static func naive(_ tables: [StatTable]) -> [StatTable] {
        func hide(_ cell: StatCell) -> StatCell {
            guard let count = cell.count, (1...4).contains(count) else { return cell }
            return StatCell(key: cell.key, count: nil, suppressed: true, primary: true)
        }
        return tables.map { table in
            var copy = table
            copy.cells = table.cells.map(hide)
            copy.margins = table.margins.map(hide)
            return copy
        }
    }

    /// The printed count at a key (cells and margins alike); nil when suppressed.
    static func count(_ table: StatTable, _ key: [String: String]) -> Int? {
        (table.cells + table.margins).first { $0.key == key }?.count
    }

    static func isSuppressed(_ table: StatTable, _ key: [String: String]) -> Bool {
        (table.cells + table.margins).first { $0.key == key }?.suppressed ?? false
    }
}
