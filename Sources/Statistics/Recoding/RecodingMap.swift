/// What global recoding merges: per dimension key, each merged code and the codes it sums, in
/// table order. Applied alike to every table of a publication that has the dimension.
public struct RecodingMap: Hashable, Sendable {
    public var groups: [String: [String: [String]]]

    public init(groups: [String: [String: [String]]] = [:]) {
        self.groups = groups.filter { !$0.value.isEmpty }
    }

    public var isEmpty: Bool { groups.isEmpty }

    /// The code "sonstige" merges rare codes under when they have no common parent.
    public static let otherCode = "sonstige_zusammengefasst"
    /// The suffix of a parent merged with its rare subtypes (`rassistisch_mit_untertypen`).
    public static let parentSuffix = "_mit_untertypen"

    /// Whether a code is one recoding made (so pages label it as a group).
    public static func isMerged(_ code: String) -> Bool { code == otherCode || code.hasSuffix(parentSuffix) }

    /// The merged codes and their members along `dimension`, restricted to what `table` has.
    func groups(for table: StatTable) -> [String: [String: [String]]] {
        groups.filter { table.dimensions.contains($0.key) }
    }

    /// The table with the merged codes in place of their members: each merged count is the sum
    /// of its members' counts (cells and margins alike). A parent's group stands where the
    /// parent stood, "sonstige" just before `keine_angabe`.
    public func apply(to table: StatTable) -> StatTable {
        let mine = groups(for: table)
        guard !mine.isEmpty else { return table }
        var groupOf: [String: [String: String]] = [:]
        for (dimension, merged) in mine {
            for (code, members) in merged { for member in members { groupOf[dimension, default: [:]][member] = code } }
        }
        var order: [String: [String: Int]] = [:]
        for dimension in table.dimensions {
            var codes: [String] = []
            for cell in table.cells {
                guard let code = cell.key[dimension] else { continue }
                let shown = groupOf[dimension]?[code] ?? code
                if !codes.contains(shown), shown != Self.otherCode { codes.append(shown) }
            }
            if mine[dimension]?[Self.otherCode] != nil {
                codes.insert(Self.otherCode, at: codes.firstIndex(of: StatDimension.missing) ?? codes.endIndex)
            }
            order[dimension] = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        }
        func recode(_ key: [String: String]) -> [String: String] {
            var key = key
            for (dimension, code) in key { if let merged = groupOf[dimension]?[code] { key[dimension] = merged } }
            return key
        }
        /// Table order: by the first dimension's code, then the second's; a missing one (a margin) last.
        func rank(_ key: [String: String]) -> [Int] {
            table.dimensions.map { dimension in key[dimension].flatMap { order[dimension]?[$0] } ?? Int.max }
        }
        func summed(_ cells: [StatCell]) -> [StatCell] {
            var totals: [[String: String]: Int] = [:]
            for cell in cells { totals[recode(cell.key), default: 0] += cell.count ?? 0 }
            let keys = totals.keys.sorted { rank($0).lexicographicallyPrecedes(rank($1)) }
            return keys.map { StatCell(key: $0, count: totals[$0] ?? 0) }
        }
        var recoded = table
        recoded.cells = summed(table.cells)
        recoded.margins = summed(table.margins)
        recoded.recoded = mine
        return recoded
    }
}
