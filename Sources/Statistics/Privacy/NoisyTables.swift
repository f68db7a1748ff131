/// `mode: dp`: discrete Laplace noise on exact tables, instead of suppression.
///
/// Every interior cell gets independent noise and is then clamped at 0; margins are recomputed
/// as sums of the noisy cells, so a published table adds up and its margins reveal nothing the
/// cells do not. Where a margin is not a sum of cells (it sums over a multi-valued dimension, so
/// one case counts once in it but in several cells), the margin gets its own noise instead.
///
/// Clamping is post-processing of a differentially private output and costs no privacy; it does
/// bias small counts upwards (a true 0 reads as about 0.43 on average at ε = 1) and with them the
/// recomputed margins. Exact totals stay available inside the office for funding reports;
/// published noisy counts are for patterns, which is what DESIGN.md asks them for.
public enum NoisyTables {
    /// The tables with noise of parameter `epsilon` on every interior cell (and on margins that
    /// are not sums of cells), nothing suppressed, every count present. Draws happen table by
    /// table, cells then margins, in their order: with a seeded source the result is reproducible.
    /// What the release spends is `cost(of:epsilon:maximumValues:)`, not `epsilon` itself.
    public static func apply(
        _ tables: [StatTable], epsilon: Epsilon,
        source: inout some RandomSource
    ) throws(NoisyTablesError) -> [StatTable] {
        guard let laplace = DiscreteLaplace(epsilon: epsilon) else { throw .unusableEpsilon(epsilon) }
        var noisy: [StatTable] = []
        noisy.reserveCapacity(tables.count)
        for table in tables {
            noisy.append(try apply(table, laplace: laplace, source: &source))
        }
        return noisy
    }

    private static func apply(
        _ table: StatTable, laplace: DiscreteLaplace,
        source: inout some RandomSource
    ) throws(NoisyTablesError) -> StatTable {
        let dimensions = Set(table.dimensions)
        var result = table
        result.cells = []
        for cell in table.cells {
            guard Set(cell.key.keys) == dimensions else { throw .keyDoesNotFit(table: table.name, key: cell.key) }
            guard let count = cell.count else { throw .countMissing(table: table.name, key: cell.key) }
            result.cells.append(StatCell(key: cell.key, count: max(0, count + laplace.sample(using: &source))))
        }
        let multiValued = Set(table.multiValued)
        result.margins = []
        for margin in table.margins {
            let marginDimensions = Set(margin.key.keys)
            guard marginDimensions.isSubset(of: dimensions) else { throw .keyDoesNotFit(table: table.name, key: margin.key) }
            if multiValued.isSubset(of: marginDimensions) {
                let sum = result.cells.lazy
                    .filter { cell in margin.key.allSatisfy { cell.key[$0.key] == $0.value } }
                    .reduce(0) { $0 + ($1.count ?? 0) }
                result.margins.append(StatCell(key: margin.key, count: sum))
            } else {
                guard let count = margin.count else { throw .countMissing(table: table.name, key: margin.key) }
                result.margins.append(StatCell(key: margin.key, count: max(0, count + laplace.sample(using: &source))))
            }
        }
        return result
    }

    /// What noising `tables` with `epsilon` spends, by basic composition over everything one case
    /// can change: in each table, the cells it counts in (one, or up to the product of
    /// `maximumValues` of the multi-valued dimensions: 12 grounds per case means 12 cells), plus
    /// the margins noised on their own. Summed over tables, since one case is in every table.
    /// Nil when a multi-valued dimension has no entry in `maximumValues` or the sum overflows.
    ///
    /// The unit of privacy is one counted unit (a case, a report): a person with two cases is two.
    public static func cost(of tables: [StatTable], epsilon: Epsilon, maximumValues: [String: Int]) -> Epsilon? {
        var sensitivity: UInt64 = 0
        for table in tables {
            var bounds: [String: UInt64] = [:]
            for dimension in table.dimensions {
                if table.multiValued.contains(dimension) {
                    guard let bound = maximumValues[dimension], bound >= 1 else { return nil }
                    bounds[dimension] = UInt64(bound)
                } else {
                    bounds[dimension] = 1
                }
            }
            func changed(_ dimensions: some Sequence<String>) -> UInt64? {
                var product: UInt64 = 1
                for dimension in dimensions {
                    let (next, overflow) = product.multipliedReportingOverflow(by: bounds[dimension] ?? 1)
                    guard !overflow else { return nil }
                    product = next
                }
                return product
            }
            guard let cellChanges = changed(table.dimensions) else { return nil }
            var tableSensitivity = cellChanges
            let multiValued = Set(table.multiValued)
            let noisedMarginSets = Set(table.margins.map { Set($0.key.keys) }.filter { !multiValued.isSubset(of: $0) })
            for marginDimensions in noisedMarginSets {
                guard let changes = changed(marginDimensions) else { return nil }
                let (sum, overflow) = tableSensitivity.addingReportingOverflow(changes)
                guard !overflow else { return nil }
                tableSensitivity = sum
            }
            let (total, overflow) = sensitivity.addingReportingOverflow(tableSensitivity)
            guard !overflow else { return nil }
            sensitivity = total
        }
        return epsilon.multiplied(by: sensitivity)
    }
}
