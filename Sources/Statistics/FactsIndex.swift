/// The classifications of one count, indexed once: which cases each unit's cohort holds, and
/// each case's code positions along each dimension. Tables share units and dimensions, so a
/// release reads every case's values once per dimension instead of once per table.
final class FactsIndex {
    let facts: [CaseFacts]
    let vocabulary: StatVocabulary
    let first: String
    let last: String
    private var cohorts: [StatUnit: [Int]] = [:]
    private var axes: [StatDimension: (codes: [String], positions: [[Int]])] = [:]

    init(facts: [CaseFacts], vocabulary: StatVocabulary, period: StatPeriod) {
        self.facts = facts
        self.vocabulary = vocabulary
        let months = period.months
        first = months.first ?? ""
        last = months.last ?? ""
    }

    /// The indices of the cases `unit` counts.
    func cohort(_ unit: StatUnit) -> [Int] {
        if let known = cohorts[unit] { return known }
        let members = facts.indices.filter { unit.includes(facts[$0], from: first, through: last) }
        cohorts[unit] = members
        return members
    }

    func codes(_ dimension: StatDimension) -> [String] { axis(dimension).codes }

    /// For every case, the positions of its codes in `codes(dimension)`.
    func positions(_ dimension: StatDimension) -> [[Int]] { axis(dimension).positions }

    private func axis(_ dimension: StatDimension) -> (codes: [String], positions: [[Int]]) {
        if let known = axes[dimension] { return known }
        let codes = vocabulary.codes(dimension)
        let index = Dictionary(codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let positions = facts.map { facts in vocabulary.values(of: facts, along: dimension).compactMap { index[$0] } }
        axes[dimension] = (codes, positions)
        return (codes, positions)
    }
}
