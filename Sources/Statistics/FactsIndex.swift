/// The classifications of one count, indexed once: which cases each unit's cohort holds, and
/// each case's code positions along each dimension. Tables share units and dimensions, so a
/// release reads every case's values once per dimension instead of once per table.
final class FactsIndex {
    let facts: [CaseFacts]
    let vocabulary: StatVocabulary
    let first: String
    let last: String
    private var cohorts: [StatUnit: [Int]] = [:]
    private var axes: [StatDimension: FactsAxis] = [:]

    init(facts: [CaseFacts], vocabulary: StatVocabulary, period: StatPeriod, axes: [StatDimension: FactsAxis] = [:]) {
        self.facts = facts
        self.axes = axes
        self.vocabulary = vocabulary
        let months = period.months
        first = months.first ?? ""
        last = months.last ?? ""
    }

    /// The indices of the cases `unit` counts.
    func cohort(_ unit: StatUnit) -> [Int] {
        if let known = cohorts[unit] { return known }
        // Each field read in place: handing a classification on would copy it (a retain per field).
        let members = facts.withUnsafeBufferPointer { facts in
            facts.indices.filter {
                unit.includes(month: facts[$0].month, kind: facts[$0].kind, closedMonth: facts[$0].closedMonth, from: first, through: last)
            }
        }
        cohorts[unit] = members
        return members
    }

    /// The codes of `dimension` and every case's positions among them.
    func axis(_ dimension: StatDimension) -> FactsAxis {
        if let known = axes[dimension] { return known }
        let axis = FactsAxis(dimension, facts: facts[...], vocabulary: vocabulary)
        axes[dimension] = axis
        return axis
    }
}
