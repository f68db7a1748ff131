import Statistics

/// The tests' own reading of a published release, written without the module's code (only its
/// table types): every printed count, every identity between cells and margins of each table,
/// counts named by unit, period and key across tables. `BruteForceOracle` and `OracleSimplex`
/// then answer what a reader can work out from it.
struct OracleSystem {
    /// One linear relation Σ coefficient·x (= or ≥) 0 over quantity numbers.
    struct Relation {
        var terms: [(quantity: Int, coefficient: Int)]
        var isEquality: Bool
    }

    private(set) var names: [String] = []
    private var numbers: [String: Int] = [:]
    /// Printed value per quantity (nil: suppressed everywhere or never printed).
    private(set) var printed: [Int?] = []
    /// Suppressed in at least one table.
    private(set) var suppressed: Set<Int> = []
    private(set) var relations: [Relation] = []
    /// Rows and columns of two-dimensional tables: the group margin and the line's cells.
    private(set) var groupLines: [(group: Int, cells: [Int])] = []

    /// (group margin, cell) for every cell of every group line, in a fixed order.
    var groupPairs: [(group: Int, cell: Int)] { groupLines.flatMap { line in line.cells.map { (line.group, $0) } } }

    init(_ tables: [StatTable]) {
        for table in tables { read(table) }
    }

    var count: Int { names.count }

    func number(of table: StatTable, key: [String: String]) -> Int? { numbers[Self.name(table, key)] }

    private static func name(_ table: StatTable, _ key: [String: String]) -> String {
        let codes = key.keys.sorted().map { "\($0)=\(key[$0] ?? "")" }.joined(separator: ",")
        return "\(table.unit)|\(table.period.from.iso)|\(table.period.to.iso)|\(codes)"
    }

    private mutating func quantity(_ table: StatTable, _ key: [String: String]) -> Int {
        let name = Self.name(table, key)
        if let known = numbers[name] { return known }
        numbers[name] = names.count
        names.append(name)
        printed.append(nil)
        return names.count - 1
    }

    private mutating func read(_ table: StatTable) {
        for cell in table.cells + table.margins {
            let number = quantity(table, cell.key)
            if let value = cell.count { printed[number] = value }
            if cell.suppressed || cell.count == nil { suppressed.insert(number) }
        }
        let dimensions = table.dimensions
        var codes: [String: [String]] = [:]
        for dimension in dimensions {
            var seen: [String] = []
            for cell in table.cells { if let code = cell.key[dimension], !seen.contains(code) { seen.append(code) } }
            codes[dimension] = seen
        }
        // Every subset S of the dimensions (a bit mask) and every dimension d outside it:
        // the S-margin against the (S ∪ d)-counts.
        for mask in 0..<(1 << dimensions.count) {
            let fixed = dimensions.indices.filter { mask & (1 << $0) != 0 }.map { dimensions[$0] }
            for summed in dimensions where !fixed.contains(summed) {
                for assignment in Self.assignments(fixed, codes) {
                    let total = quantity(table, assignment)
                    let parts = (codes[summed] ?? []).map { code in
                        quantity(table, assignment.merging([summed: code]) { first, _ in first })
                    }
                    if table.multiValued.contains(summed) {
                        relations.append(Relation(terms: parts.map { ($0, 1) } + [(total, -1)], isEquality: false))
                        for part in parts { relations.append(Relation(terms: [(total, 1), (part, -1)], isEquality: false)) }
                    } else {
                        relations.append(Relation(terms: [(total, 1)] + parts.map { ($0, -1) }, isEquality: true))
                    }
                    if dimensions.count == 2, fixed.count == 1, parts.count >= 2 {
                        groupLines.append((total, parts))
                    }
                }
            }
        }
    }

    private static func assignments(_ fixed: [String], _ codes: [String: [String]]) -> [[String: String]] {
        fixed.reduce([[:]]) { partial, dimension in
            partial.flatMap { prefix in (codes[dimension] ?? []).map { prefix.merging([dimension: $0]) { first, _ in first } } }
        }
    }

    /// Quantities a reader cannot read: suppressed and never printed elsewhere, or never printed.
    var unknowns: [Int] { (0..<count).filter { printed[$0] == nil } }
}
