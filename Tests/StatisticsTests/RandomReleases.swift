import Statistics

/// Seeded random releases for the property tests, drawn as synthetic cases and then counted,
/// so every table is consistent by construction (multi-valued margins included). Counts are
/// skewed small: many releases have under a dozen cases.
struct RandomReleases {
    enum Shape: CaseIterable {
        case oneWay, oneWayMulti, twoWay, twoWayMulti, linkedByRow, linkedByColumn, linkedMulti, linkedMultiByGround
    }

    typealias Case = [String: Set<String>]

    /// Seeded, so a seed names the same release on every machine.
    var random: SplitMix64
    let period: StatPeriod.Range
    /// Medium-sized releases: more codes (5–7 × 4–5 × 3–4) and 20–120 cases.
    let medium: Bool

    init(seed: UInt64, period: StatPeriod.Range, medium: Bool = false) {
        random = SplitMix64(seed: seed)
        self.period = period
        self.medium = medium
    }

    mutating func release() -> (shape: Shape, tables: [StatTable]) {
        let shape = Shape.allCases.randomElement(using: &random) ?? .oneWay
        let sizes = medium ? (5...7, 4...5, 3...4) : (2...4, 2...3, 2...3)
        let codes = [
            "a": (0..<Int.random(in: sizes.0, using: &random)).map { "a\($0)" },
            "b": (0..<Int.random(in: sizes.1, using: &random)).map { "b\($0)" },
            "g": (0..<Int.random(in: sizes.2, using: &random)).map { "g\($0)" },
        ]
        let cases = population(codes)
        switch shape {
        case .oneWay: return (shape, [table("t1", ["a"], [], codes, cases)])
        case .oneWayMulti: return (shape, [table("t1", ["g"], ["g"], codes, cases)])
        case .twoWay: return (shape, [table("t1", ["a", "b"], [], codes, cases)])
        case .twoWayMulti: return (shape, [table("t1", ["g", "a"], ["g"], codes, cases)])
        case .linkedByRow: return (shape, [table("t1", ["a", "b"], [], codes, cases), table("t2", ["a"], [], codes, cases)])
        case .linkedByColumn: return (shape, [table("t1", ["a", "b"], [], codes, cases), table("t2", ["b"], [], codes, cases)])
        case .linkedMulti: return (shape, [table("t1", ["g", "a"], ["g"], codes, cases), table("t2", ["a"], [], codes, cases)])
        case .linkedMultiByGround: return (shape, [table("t1", ["g", "a"], ["g"], codes, cases), table("t2", ["g"], ["g"], codes, cases)])
        }
    }

    /// Mostly tiny populations, some medium: the hard cases for suppression are the small ones.
    private mutating func population(_ codes: [String: [String]]) -> [Case] {
        let draw = Int.random(in: 0..<100, using: &random)
        let size =
            medium
            ? Int.random(in: 20...120, using: &random)
            : draw < 50
                ? Int.random(in: 0...12, using: &random)
                : draw < 85 ? Int.random(in: 13...30, using: &random) : Int.random(in: 31...60, using: &random)
        var weights: [String: [Int]] = [:]
        // Sorted: dictionary order changes from run to run, and the draws must not.
        for (dimension, list) in codes.sorted(by: { $0.key < $1.key }) {
            weights[dimension] = list.map { _ in Int.random(in: 1...6, using: &random) }
        }
        return (0..<size).map { _ in
            var person: Case = [:]
            for (dimension, list) in codes.sorted(by: { $0.key < $1.key }) {
                let first = pick(list, weights[dimension] ?? [])
                var chosen: Set<String> = [first]
                if dimension == "g", Int.random(in: 0..<100, using: &random) < 35 { chosen.insert(pick(list, weights[dimension] ?? [])) }
                person[dimension] = chosen
            }
            return person
        }
    }

    private mutating func pick(_ list: [String], _ weights: [Int]) -> String {
        var remaining = Int.random(in: 0..<max(1, weights.reduce(0, +)), using: &random)
        for (code, weight) in zip(list, weights) {
            if remaining < weight { return code }
            remaining -= weight
        }
        return list.last ?? ""
    }

    /// Counts the cases into a table; each margin level is printed with probability 0.8.
    private mutating func table(
        _ name: String, _ dimensions: [String], _ multiValued: [String],
        _ codes: [String: [String]], _ cases: [Case]
    ) -> StatTable {
        func count(_ key: [String: String]) -> Int {
            cases.filter { person in key.allSatisfy { person[$0.key]?.contains($0.value) ?? false } }.count
        }
        func keys(_ dimensions: [String]) -> [[String: String]] {
            dimensions.reduce([[:]]) { partial, dimension in
                partial.flatMap { prefix in (codes[dimension] ?? []).map { prefix.merging([dimension: $0]) { first, _ in first } } }
            }
        }
        let cells = keys(dimensions).map { StatCell(key: $0, count: count($0)) }
        var levels: [[String]] = [[]]
        if dimensions.count == 2 { levels += [[dimensions[0]], [dimensions[1]]] }
        var margins: [StatCell] = []
        for level in levels where Int.random(in: 0..<100, using: &random) < 80 {
            margins += keys(level).map { StatCell(key: $0, count: count($0)) }
        }
        return StatTable(
            name: name, unit: "neue_faelle", period: period, taxonomy: "3", dimensions: dimensions,
            multiValued: multiValued, cells: cells, margins: margins)
    }
}
