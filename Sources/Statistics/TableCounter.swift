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
        count(specs, facts: facts, axes: [:], plain: plain, period: period)
    }

    /// The same, with dimensions already resolved for these cases (in parallel, as they were opened).
    func count(
        _ specs: [TableSpec], facts: [CaseFacts], axes: [StatDimension: FactsAxis], plain: PlainCounts, period: StatPeriod
    ) -> [StatTable] {
        let index = FactsIndex(facts: facts, vocabulary: vocabulary, period: period, axes: axes)
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
        let axes = spec.dimensions.map(index.axis)
        switch axes.count {
        case 0:
            return table(cells: [StatCell(key: [:], count: cohort.count)], margins: [])
        case 1:
            let axis = axes[0]
            var cells = [Int](repeating: 0, count: axis.codes.count)
            for counted in cohort {
                for at in Int(axis.starts[counted])..<Int(axis.starts[counted + 1]) { cells[Int(axis.positions[at])] += 1 }
            }
            let key = spec.dimensions[0].key
            return table(
                cells: axis.codes.enumerated().map { StatCell(key: [key: $1], count: cells[$0]) },
                margins: [StatCell(key: [:], count: cohort.count)])
        default:
            let (first, second) = (axes[0], axes[1])
            let rows = first.codes.count
            let columns = second.codes.count
            var cells = [Int](repeating: 0, count: rows * columns)
            var rowTotals = [Int](repeating: 0, count: rows)
            var columnTotals = [Int](repeating: 0, count: columns)
            for counted in cohort {
                let columnRange = Int(second.starts[counted])..<Int(second.starts[counted + 1])
                for at in Int(first.starts[counted])..<Int(first.starts[counted + 1]) {
                    let row = Int(first.positions[at])
                    rowTotals[row] += 1
                    for column in columnRange { cells[row * columns + Int(second.positions[column])] += 1 }
                }
                for column in columnRange { columnTotals[Int(second.positions[column])] += 1 }
            }
            let rowKey = spec.dimensions[0].key
            let columnKey = spec.dimensions[1].key
            var tableCells: [StatCell] = []
            for (row, rowCode) in first.codes.enumerated() {
                for (column, columnCode) in second.codes.enumerated() {
                    tableCells.append(StatCell(key: [rowKey: rowCode, columnKey: columnCode], count: cells[row * columns + column]))
                }
            }
            let margins =
                first.codes.enumerated().map { StatCell(key: [rowKey: $1], count: rowTotals[$0]) }
                + second.codes.enumerated().map { StatCell(key: [columnKey: $1], count: columnTotals[$0]) }
                + [StatCell(key: [:], count: cohort.count)]
            return table(cells: tableCells, margins: margins)
        }
    }
}
