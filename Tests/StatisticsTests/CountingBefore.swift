import Casework
import Statistics

/// The counting before issue 18, kept as the oracle the new one is held against: each case's
/// values read through `StatVocabulary.values(of:along:)` and mapped to positions one by one.
struct CountingBefore {
    let vocabulary: StatVocabulary

    func count(_ specs: [TableSpec], facts: [CaseFacts], plain: TableCounter.PlainCounts, period: StatPeriod) -> [StatTable] {
        specs.map { count($0, facts: facts, plain: plain, period: period) }
    }

    func positions(_ dimension: StatDimension, facts: [CaseFacts]) -> (codes: [String], positions: [[Int]]) {
        let codes = vocabulary.codes(dimension)
        let index = Dictionary(codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return (codes, facts.map { facts in vocabulary.values(of: facts, along: dimension).compactMap { index[$0] } })
    }

    func count(_ spec: TableSpec, facts: [CaseFacts], plain: TableCounter.PlainCounts, period: StatPeriod) -> StatTable {
        let multiValued = spec.dimensions.filter(vocabulary.isMultiValued).map(\.key)
        func table(cells: [StatCell], margins: [StatCell]) -> StatTable {
            StatTable(
                name: spec.name, unit: spec.unit.rawValue, period: period.range, taxonomy: vocabulary.taxonomy.version,
                dimensions: spec.dimensions.map(\.key), multiValued: multiValued, cells: cells, margins: margins)
        }
        switch spec.unit {
        case .kurzkontakte: return table(cells: [StatCell(key: [:], count: plain.kurzkontakte)], margins: [])
        case .nichtKlassifiziert: return table(cells: [StatCell(key: [:], count: plain.nichtKlassifiziert)], margins: [])
        default: break
        }
        let cohort = facts.indices.filter { spec.unit.includes(facts[$0], in: period) }
        let axes = spec.dimensions.map { dimension in
            let (codes, positions) = positions(dimension, facts: facts)
            return (dimension: dimension, codes: codes, positions: positions)
        }
        switch axes.count {
        case 0:
            return table(cells: [StatCell(key: [:], count: cohort.count)], margins: [])
        case 1:
            var cells = [Int](repeating: 0, count: axes[0].codes.count)
            for counted in cohort {
                for position in axes[0].positions[counted] { cells[position] += 1 }
            }
            let key = axes[0].dimension.key
            return table(
                cells: axes[0].codes.enumerated().map { StatCell(key: [key: $1], count: cells[$0]) },
                margins: [StatCell(key: [:], count: cohort.count)])
        default:
            let columns = axes[1].codes.count
            var cells = [Int](repeating: 0, count: axes[0].codes.count * columns)
            var rowTotals = [Int](repeating: 0, count: axes[0].codes.count)
            var columnTotals = [Int](repeating: 0, count: columns)
            for counted in cohort {
                for row in axes[0].positions[counted] {
                    rowTotals[row] += 1
                    for column in axes[1].positions[counted] { cells[row * columns + column] += 1 }
                }
                for column in axes[1].positions[counted] { columnTotals[column] += 1 }
            }
            let (rowKey, columnKey) = (axes[0].dimension.key, axes[1].dimension.key)
            var tableCells: [StatCell] = []
            for (row, rowCode) in axes[0].codes.enumerated() {
                for (column, columnCode) in axes[1].codes.enumerated() {
                    tableCells.append(StatCell(key: [rowKey: rowCode, columnKey: columnCode], count: cells[row * columns + column]))
                }
            }
            let margins =
                axes[0].codes.enumerated().map { StatCell(key: [rowKey: $1], count: rowTotals[$0]) }
                + axes[1].codes.enumerated().map { StatCell(key: [columnKey: $1], count: columnTotals[$0]) }
                + [StatCell(key: [:], count: cohort.count)]
            return table(cells: tableCells, margins: margins)
        }
    }
}
