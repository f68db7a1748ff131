import Casework
import SichtbarCore
import Statistics
import Workflow

/// Published tables turned into what the analysts' page and the annual report show: tables with
/// labelled rows, columns and margins, suppressed counts as their marks, the key numbers, the
/// charts and the trend. Pure: it reads verified `StatFile`s and the policy, nothing else, so
/// the page and the command line's report show the same figures the same way.
struct StatisticsPresentation {
    let policy: StatisticsPolicy
    let labels: StatisticsLabels
    let numbers: StatisticsNumbers
    let strings: [String: String]
    /// Regierungsbezirke no member office serves: their cells say so instead of showing 0.
    var unserved: Set<String> = []

    init(policy: StatisticsPolicy, taxonomy: Taxonomy, workflow: WorkflowPolicy?, strings: [String: String], language: String) {
        self.policy = policy
        self.labels = StatisticsLabels(taxonomy: taxonomy, workflow: workflow, strings: strings, language: language)
        self.numbers = StatisticsNumbers(language: language)
        self.strings = strings
    }

    var language: String { labels.language }

    func string(_ key: String) -> String { strings[key] ?? key }

    /// A catalogue string with its `{name}` placeholders filled.
    func string(_ key: String, _ values: [String: String]) -> String {
        values.reduce(string(key)) { text, pair in text.replacingOccurrences(of: "{\(pair.key)}", with: pair.value) }
    }

    /// The mark of a primary suppression: "<5" under the policy's minimum count of 5.
    var primaryMark: String { "<\(policy.minimumCount)" }
    static let secondaryMark = "–"

    /// What a count shows: the number, "<5" for a small count, "–" for one suppressed only to
    /// protect another; suppressed marks carry a sentence for screen readers.
    /// A table's row or column label: a parent category says whether it counts its subtypes
    /// (a `…_top` dimension) or only cases classified no further, so that 44 in one table and
    /// 10 in another are not read as a contradiction.
    func tableLabel(_ code: String, of dimension: String) -> String {
        let label = labels.code(code, of: dimension)
        let facet = StatisticsLabels.facetKey(dimension)
        guard labels.taxonomy.facet(facet)?.codes.contains(where: { $0.parent == code }) == true else { return label }
        return "\(label) (\(string(dimension.hasSuffix("_top") ? "statistics_with_subtypes" : "statistics_without_subtypes")))"
    }

    /// "keine Beratungsstelle" for a cell in a Regierungsbezirk no member office serves: its 0
    /// would read as "no discrimination there" when it means "nobody to report to".
    func servedCell(_ key: [String: String]) -> Cell? {
        guard let district = key["regierungsbezirk"], unserved.contains(district) else { return nil }
        return Cell(text: string("statistics_unserved"), suppressed: false, kind: "", unserved: true)
    }

    func cell(_ cell: StatCell?) -> Cell {
        guard let cell else { return Cell(text: "") }
        if cell.suppressed || cell.count == nil {
            let primary = cell.primary
            return Cell(
                text: primary ? primaryMark : Self.secondaryMark, suppressed: true,
                kind: primary ? "primary" : "secondary",
                spoken: string(
                    primary ? "statistics_suppressed_primary_spoken" : "statistics_suppressed_secondary_spoken",
                    ["minimum": numbers.count(policy.minimumCount)]))
        }
        return Cell(text: numbers.count(cell.count ?? 0), suppressed: false, kind: "")
    }

    /// The policy's label of a table in this language (else German, else its name).
    func title(_ table: StatTable) -> String {
        policy.table(table.name).flatMap { Taxonomy.label($0.labels, language: language) } ?? table.name
    }

    /// The codes along `dimension` in the order the cells list them (the policy's order).
    static func codes(_ table: StatTable, along dimension: String) -> [String] {
        var seen = Set<String>()
        return table.cells.compactMap { $0.key[dimension] }.filter { seen.insert($0).inserted }
    }

    static func margin(_ table: StatTable, _ key: [String: String]) -> StatCell? {
        table.margins.first { $0.key == key }
    }

    /// One table as rows and columns with its margins. A table without dimensions is its total;
    /// one dimension lists its codes and the total; two dimensions are a cross table with the
    /// row and column margins and the grand total in the corner.
    func table(_ table: StatTable, period: String) -> Table {
        var values = Table(
            id: "table-\(table.name)", title: title(table), unit: labels.unit(table.unit), period: period,
            csv: "/statistics/csv?lang=\(language)&period=\(period)&table=\(table.name)")
        if !table.additive {
            values.nennungen = string(
                "statistics_nennungen_note",
                [
                    "dimensions": table.multiValued.map { labels.dimension($0) }.joined(separator: ", ")
                ])
        }
        values.recoded = recodedNote(table)
        let total = Self.margin(table, [:]) ?? (table.dimensions.isEmpty ? table.cells.first : nil)
        switch table.dimensions.count {
        case 0:
            values.single = cell(total)
        case 1:
            let dimension = table.dimensions[0]
            values.head = [labels.dimension(dimension), labels.unit(table.unit)]
            values.rows = Self.codes(table, along: dimension).map { code in
                Table.Row(
                    label: tableLabel(code, of: dimension),
                    cells: [servedCell([dimension: code]) ?? cell(table.cells.first { $0.key == [dimension: code] })])
            }
            values.foot = Table.Row(label: string("statistics_total"), cells: [cell(total)])
        default:
            let (rowDimension, columnDimension) = (table.dimensions[0], table.dimensions[1])
            let columns = Self.codes(table, along: columnDimension)
            values.head =
                ["\(labels.dimension(rowDimension)) / \(labels.dimension(columnDimension))"]
                + columns.map { tableLabel($0, of: columnDimension) } + [string("statistics_total")]
            values.rows = Self.codes(table, along: rowDimension).map { row in
                let cells =
                    columns.map { column in
                        servedCell([rowDimension: row, columnDimension: column])
                            ?? cell(table.cells.first { $0.key == [rowDimension: row, columnDimension: column] })
                    } + [cell(Self.margin(table, [rowDimension: row]))]
                return Table.Row(label: tableLabel(row, of: rowDimension), cells: cells)
            }
            values.foot = Table.Row(
                label: string("statistics_total"),
                cells: columns.map { cell(Self.margin(table, [columnDimension: $0])) } + [cell(total)])
            values.wide = true
        }
        return values
    }

    /// "Zusammengefasst wegen kleiner Zahlen: Sonstige (zusammengefasst) = Sprache, …": which
    /// codes a merged row or column holds, so nobody reads it as a category of the taxonomy.
    func recodedNote(_ table: StatTable) -> String? {
        guard !table.recoded.isEmpty else { return nil }
        let groups = table.dimensions.flatMap { dimension in
            (table.recoded[dimension] ?? [:]).sorted { $0.key < $1.key }.map { code, members in
                "\(labels.code(code, of: dimension)) = \(members.map { labels.code($0, of: dimension) }.joined(separator: ", "))"
            }
        }
        return string("statistics_recoded_note") + " " + groups.joined(separator: "; ") + "."
    }

    /// Every table of a publication, in the order of the policy (unknown ones after, by name);
    /// `report` keeps only the tables of that report (`annual`).
    func tables(_ file: StatFile, report: String? = nil) -> [Table] {
        let order = Dictionary(policy.tables.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        return file.tables
            .filter { table in report.map { policy.table(table.name)?.reports.contains($0) ?? false } ?? true }
            .sorted { (order[$0.name] ?? Int.max, $0.name) < (order[$1.name] ?? Int.max, $1.name) }
            .map { table($0, period: file.period.description) }
    }

    /// The grand totals of the first table of each headline unit: new, closed and open cases,
    /// contacts without a file, and what is not classified yet.
    func keyNumbers(_ file: StatFile) -> [KeyNumber] {
        ["neue_faelle", "abgeschlossene_faelle", "offene_faelle", "kurzkontakte", "nicht_klassifiziert"].compactMap { unit in
            guard let table = file.tables.first(where: { $0.unit == unit }) else { return nil }
            let total = Self.margin(table, [:]) ?? (table.dimensions.isEmpty ? table.cells.first : nil)
            return KeyNumber(label: labels.unit(unit), value: cell(total))
        }
    }
}
