import Casework

/// Counts the policy's tables for one office and period from decrypted classifications and
/// the plaintext counts: exact counts, every combination of codes listed (zeros included),
/// margins for each dimension and the grand total. Disclosure control comes later, once, on
/// what the Verband publishes.
public struct TableCounter: Sendable {
    /// Plaintext counts of the period that no classification carries.
    public struct PlainCounts: Sendable, Equatable {
        public var kurzkontakte: Int
        public var nichtKlassifiziert: Int

        public init(kurzkontakte: Int, nichtKlassifiziert: Int) {
            self.kurzkontakte = kurzkontakte
            self.nichtKlassifiziert = nichtKlassifiziert
        }
    }

    public let vocabulary: StatVocabulary

    public init(vocabulary: StatVocabulary) {
        self.vocabulary = vocabulary
    }

    /// Every table of `specs` for `period`. Each case counts once per combination of its
    /// values; along a multi-valued dimension that is once per named code ("Nennungen").
    public func count(_ specs: [TableSpec], facts: [CaseFacts], plain: PlainCounts, period: StatPeriod) -> [StatTable] {
        let index = FactsIndex(facts: facts, vocabulary: vocabulary, period: period)
        return specs.map { count($0, index: index, plain: plain, period: period) }
    }

    public func count(_ spec: TableSpec, facts: [CaseFacts], plain: PlainCounts, period: StatPeriod) -> StatTable {
        count(spec, index: FactsIndex(facts: facts, vocabulary: vocabulary, period: period), plain: plain, period: period)
    }

    func count(_ spec: TableSpec, index: FactsIndex, plain: PlainCounts, period: StatPeriod) -> StatTable {
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
        let cohort = index.cohort(spec.unit)
        let axes = spec.dimensions.map { (dimension: $0, codes: index.codes($0), positions: index.positions($0)) }
        func positions(_ counted: Int, _ axis: Int) -> [Int] { axes[axis].positions[counted] }
        switch axes.count {
        case 0:
            return table(cells: [StatCell(key: [:], count: cohort.count)], margins: [])
        case 1:
            var cells = [Int](repeating: 0, count: axes[0].codes.count)
            for counted in cohort {
                for position in positions(counted, 0) { cells[position] += 1 }
            }
            let key = axes[0].dimension.key
            return table(
                cells: axes[0].codes.enumerated().map { StatCell(key: [key: $1], count: cells[$0]) },
                margins: [StatCell(key: [:], count: cohort.count)])
        default:
            let rows = axes[0].codes.count
            let columns = axes[1].codes.count
            var cells = [Int](repeating: 0, count: rows * columns)
            var rowTotals = [Int](repeating: 0, count: rows)
            var columnTotals = [Int](repeating: 0, count: columns)
            for counted in cohort {
                let first = positions(counted, 0)
                let second = positions(counted, 1)
                for row in first {
                    rowTotals[row] += 1
                    for column in second { cells[row * columns + column] += 1 }
                }
                for column in second { columnTotals[column] += 1 }
            }
            let rowKey = axes[0].dimension.key
            let columnKey = axes[1].dimension.key
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
