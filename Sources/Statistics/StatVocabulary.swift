import Casework
import SichtbarCore
import Workflow

/// The codes of every dimension, in the order tables list them, and how to read a case's
/// values: from the taxonomy (facets, flags, regions) and the workflow policy (kinds,
/// outcomes, interventions). Every dimension ends with `keine_angabe`.
public struct StatVocabulary: Sendable {
    public let taxonomy: Taxonomy
    public let kinds: [String]
    public let outcomes: [String]
    public let interventions: [String]

    public init(taxonomy: Taxonomy, workflow: WorkflowPolicy) {
        self.taxonomy = taxonomy
        kinds = workflow.kinds.map(\.code)
        outcomes = workflow.outcomes.map(\.code)
        interventions = workflow.interventions.map(\.code)
    }

    /// Whether the policy's dimension exists here (a facet of this taxonomy, or a fixed one).
    public func knows(_ dimension: StatDimension) -> Bool {
        if case .facet(let key, _) = dimension { return taxonomy.facet(key) != nil }
        return true
    }

    /// Whether one case may count more than once along `dimension` ("Nennungen").
    public func isMultiValued(_ dimension: StatDimension) -> Bool {
        switch dimension {
        case .facet(let key, _): return taxonomy.facet(key)?.multiValued ?? false
        case .intervention, .flag: return true
        case .kind, .regierungsbezirk, .outcome: return false
        }
    }

    /// Every code of `dimension`, `keine_angabe` last.
    public func codes(_ dimension: StatDimension) -> [String] {
        let codes: [String]
        switch dimension {
        case .facet(let key, let topLevel):
            let all = taxonomy.facet(key)?.codes ?? []
            codes = (topLevel ? all.filter { $0.parent == nil } : all).map(\.code)
        case .kind: codes = kinds
        case .regierungsbezirk: codes = taxonomy.regierungsbezirke.keys.sorted()
        case .outcome: codes = outcomes
        case .intervention: codes = interventions
        case .flag: codes = taxonomy.flags.keys.sorted()
        }
        return codes + [StatDimension.missing]
    }

    /// The codes a case counts under along `dimension`: one for a single-valued dimension,
    /// each named code once for a multi-valued one, `keine_angabe` when it has none. A code
    /// this vocabulary does not know counts as `keine_angabe` rather than being lost.
    public func values(of facts: CaseFacts, along dimension: StatDimension) -> [String] {
        var found: [String]
        switch dimension {
        case .facet(let key, let topLevel):
            let facet = taxonomy.facet(key)
            found = (facts.codes[key] ?? []).compactMap { code in
                guard let known = facet?.code(code) else { return nil }
                return topLevel ? (known.parent ?? known.code) : known.code
            }
        case .kind: found = kinds.contains(facts.kind) ? [facts.kind] : []
        case .regierungsbezirk: found = facts.region.flatMap { taxonomy.region($0)?.regierungsbezirk }.map { [$0] } ?? []
        case .outcome: found = facts.outcome.map { outcomes.contains($0) ? [$0] : [] } ?? []
        case .intervention: found = facts.interventions.filter { interventions.contains($0) }
        case .flag: found = facts.flags.filter { taxonomy.flags[$0] != nil }
        }
        var seen = Set<String>()
        found = found.filter { seen.insert($0).inserted }
        if !isMultiValued(dimension) { found = Array(found.prefix(1)) }
        return found.isEmpty ? [StatDimension.missing] : found
    }
}
