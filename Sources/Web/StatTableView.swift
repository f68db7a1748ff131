import Casework
import SichtbarCore
import Statistics

/// A statistics table as the pages print it: one list of rows for one dimension, a grid with
/// margins for two; suppressed counts as "<5" (primary) or "–" (secondary), never a number.
struct StatTableView {
    /// A labelled count; a row of a one-dimensional table.
    struct Row {
        let label: String
        let count: String
    }

    struct Single {
        let rows: [Row]
    }

    /// A cross table: the column labels, each row with its cells and margin, and the column margins.
    struct Grid {
        struct Column {
            let label: String
        }

        struct Count {
            let count: String
        }

        struct Row {
            let label: String
            let cells: [Count]
            let margin: String
        }

        let columns: [Column]
        let rows: [Row]
        let columnMargins: [Count]
    }

    let name: String
    let unit: String
    let caption: String
    let total: String
    /// That a case may count in several rows (Nennungen).
    let nennungen: Bool
    let single: Single?
    let grid: Grid?

    init(_ table: StatTable, spec: TableSpec?, labels: PolicyLabels?, language: Catalogue) {
        func label(_ value: String, _ dimension: String) -> String {
            labels?.statistics(value, dimension: dimension) ?? value
        }
        func count(_ cell: StatCell?) -> String {
            guard let cell else { return "" }
            if let count = cell.count, !cell.suppressed { return String(count) }
            return cell.primary ? "<5" : "–"
        }
        // A table without dimensions (Kontakte ohne Akte, noch nicht klassifiziert) is its one cell.
        let total = table.margins.first { $0.key.isEmpty } ?? (table.dimensions.isEmpty ? table.cells.first { $0.key.isEmpty } : nil)
        name = table.name
        unit = language.strings["stat_unit_\(table.unit)"] ?? table.unit
        caption = spec.flatMap { Taxonomy.label($0.labels, language: language.code) } ?? table.name
        self.total = count(total)
        nennungen = !table.additive
        func codes(_ dimension: String) -> [String] {
            var seen: [String] = []
            for cell in table.cells { if let code = cell.key[dimension], !seen.contains(code) { seen.append(code) } }
            return seen
        }
        func cell(_ key: [String: String]) -> StatCell? { table.cells.first { $0.key == key } }
        func margin(_ key: [String: String]) -> StatCell? { table.margins.first { $0.key == key } }
        switch table.dimensions.count {
        case 1:
            let dimension = table.dimensions[0]
            single = Single(
                rows: codes(dimension).map { code in Row(label: label(code, dimension), count: count(cell([dimension: code]))) })
            grid = nil
        case 2:
            let (rowsKey, columnsKey) = (table.dimensions[0], table.dimensions[1])
            let columns = codes(columnsKey)
            single = nil
            grid = Grid(
                columns: columns.map { Grid.Column(label: label($0, columnsKey)) },
                rows: codes(rowsKey).map { row in
                    Grid.Row(
                        label: label(row, rowsKey),
                        cells: columns.map { Grid.Count(count: count(cell([rowsKey: row, columnsKey: $0]))) },
                        margin: count(margin([rowsKey: row])))
                },
                columnMargins: columns.map { Grid.Count(count: count(margin([columnsKey: $0]))) })
        default:
            single = nil
            grid = nil
        }
    }
}

extension MemberPages {
    /// The words for statistics codes, from the workflow policy and the taxonomy.
    func statisticsLabels(_ language: Catalogue) -> PolicyLabels? {
        PolicyLabels(policy: services.casework.policy, taxonomy: services.taxonomy, language: language.code)
    }
}
