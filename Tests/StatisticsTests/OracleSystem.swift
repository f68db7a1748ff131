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
    /// Counts recoding merged away (`StatTable.recoded`): never printed, known only through sums.
    private(set) var merged: Set<Int> = []
    /// Rows and columns of two-dimensional tables: the group margin and the line's cells.
    private(set) var groupLines: [(group: Int, cells: [Int])] = []

    /// (group margin, cell) for every cell of every group line, in a fixed order.
    var groupPairs: [(group: Int, cell: Int)] { groupLines.flatMap { line in line.cells.map { (line.group, $0) } } }

    /// `linkingQuarters`: also what a reader of a year and its quarters knows (see `linkQuarters`).
    init(_ tables: [StatTable], linkingQuarters: Bool = false) {
        for table in tables { read(table) }
        if linkingQuarters { linkQuarters(tables) }
    }

    /// The tests' own reading of "a year's flow is the sum of its quarters": for every year table
    /// of a flow unit, each quarter gets a copy of the table with nothing printed (its counts
    /// unknown, its identities known), and every count of the year, margins and unprinted totals
    /// included, equals the sum of the four quarters' counts with that key. A stock
    /// (`offene_faelle`) equals its fourth quarter's; `nicht_klassifiziert` is not linked.
    private mutating func linkQuarters(_ tables: [StatTable]) {
        let flows: Set<String> = ["neue_faelle", "neue_beratungsfaelle", "meldungen", "abgeschlossene_faelle", "kurzkontakte"]
        for table in tables.map(Self.unmerged) where flows.contains(table.unit) || table.unit == "offene_faelle" {
            let (from, to) = (table.period.from, table.period.to)
            guard from.month == 1, from.day == 1, to.month == 12, to.day == 31, from.year == to.year else { continue }
            let quarters = table.unit == "offene_faelle" ? [4] : [1, 2, 3, 4]
            let copies = quarters.compactMap { quarter -> StatTable? in
                guard let range = StatPeriod(year: from.year, quarter: quarter)?.range else { return nil }
                var copy = table
                copy.name += " Q\(quarter)"
                copy.period = range
                copy.cells = table.cells.map { StatCell(key: $0.key, count: nil) }
                copy.margins = []
                return copy
            }
            for copy in copies { read(copy, printing: false) }
            var codes: [String: [String]] = [:]
            for dimension in table.dimensions {
                codes[dimension] = table.cells.compactMap { $0.key[dimension] }.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
            }
            for mask in 0..<(1 << table.dimensions.count) {
                let fixed = table.dimensions.indices.filter { mask & (1 << $0) != 0 }.map { table.dimensions[$0] }
                for key in Self.assignments(fixed, codes) {
                    let year = quantity(table, key)
                    relations.append(Relation(terms: [(year, 1)] + copies.map { (quantity($0, key), -1) }, isEquality: true))
                }
            }
        }
    }

    var count: Int { names.count }

    func number(of table: StatTable, key: [String: String]) -> Int? { numbers[Self.name(table, key)] }

    func number(named name: String) -> Int? { numbers[name] }

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

    /// A recoded table as the tests read it, without the module's code: its printed counts;
    /// each merged count the sum of its members' counts (every member code crossed with the
    /// other dimension's code or codes); and the identities of the table before merging, over
    /// member counts nobody printed.
    private mutating func readRecoded(_ table: StatTable) {
        for cell in table.cells + table.margins {
            let number = quantity(table, cell.key)
            if let value = cell.count { printed[number] = value }
            if cell.suppressed || cell.count == nil { suppressed.insert(number) }
        }
        read(Self.unmerged(table), printing: false, lines: true)
        for cell in table.cells + table.margins {
            let choices = cell.key.map { dimension, code in (dimension, table.recoded[dimension]?[code] ?? [code]) }
            guard choices.contains(where: { $0.1.count > 1 }) else { continue }
            let keys = choices.reduce([[String: String]]([[:]])) { partial, choice in
                partial.flatMap { prefix in choice.1.map { prefix.merging([choice.0: $0]) { first, _ in first } } }
            }
            let parts = keys.map { quantity(table, $0) }
            merged.formUnion(parts)
            relations.append(Relation(terms: [(quantity(table, cell.key), 1)] + parts.map { ($0, -1) }, isEquality: true))
        }
        // Group lines of the printed table, as `read` records them.
        if table.dimensions.count == 2 {
            for (fixedAxis, summedAxis) in [(0, 1), (1, 0)] {
                let (fixed, summed) = (table.dimensions[fixedAxis], table.dimensions[summedAxis])
                let printedCodes = { (dimension: String) in
                    table.cells.compactMap { $0.key[dimension] }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                }
                let parts = printedCodes(summed)
                guard parts.count >= 2 else { continue }
                for code in printedCodes(fixed) {
                    groupLines.append((quantity(table, [fixed: code]), parts.map { quantity(table, [fixed: code, summed: $0]) }))
                }
            }
        }
    }

    /// A recoded table before merging, its counts unknown (the table itself when not recoded).
    private static func unmerged(_ table: StatTable) -> StatTable {
        guard !table.recoded.isEmpty else { return table }
        var unmerged = table
        unmerged.recoded = [:]
        unmerged.margins = []
        var codes: [String: [String]] = [:]
        for dimension in table.dimensions {
            var seen: [String] = []
            for cell in table.cells { if let code = cell.key[dimension], !seen.contains(code) { seen.append(code) } }
            codes[dimension] = seen.flatMap { table.recoded[dimension]?[$0] ?? [$0] }
        }
        unmerged.cells = assignments(table.dimensions, codes).map { StatCell(key: $0, count: nil) }
        return unmerged
    }

    /// `lines`: record rows and columns as groups even when nothing is printed (a recoded
    /// table's unmerged lines, whose cells may still be proven to hold their group).
    private mutating func read(_ table: StatTable, printing: Bool = true, lines: Bool = false) {
        if printing, !table.recoded.isEmpty { return readRecoded(table) }
        for cell in table.cells + table.margins {
            let number = quantity(table, cell.key)
            if let value = cell.count { printed[number] = value }
            if printing, cell.suppressed || cell.count == nil { suppressed.insert(number) }
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
                    if printing || lines, dimensions.count == 2, fixed.count == 1, parts.count >= 2 {
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

    /// Counts whose range the oracle must find: suppressed ones and merged-away ones.
    var checked: [Int] { suppressed.union(merged).filter { printed[$0] == nil }.sorted() }
}
