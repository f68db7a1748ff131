extension StatVocabulary {
    /// Calls `body` with each code a case names along `dimension`, in its order, before any
    /// is checked against the vocabulary: what `values(of:along:)` starts from.
    func forEachNamed(in facts: CaseFacts, along dimension: StatDimension, _ body: (String) -> Void) {
        switch dimension {
        case .facet(let key, _): facts.codes[key]?.forEach(body)
        case .kind: body(facts.kind)
        case .regierungsbezirk: facts.region.map(body)
        case .outcome: facts.outcome.map(body)
        case .intervention: facts.interventions.forEach(body)
        case .flag: facts.flags.forEach(body)
        }
    }

    /// What a named code counts under along `dimension`, or nil where the vocabulary does not
    /// know it: a subtype's parent at top level, a region's Regierungsbezirk.
    func resolver(along dimension: StatDimension) -> (String) -> String? {
        switch dimension {
        case .facet(let key, let topLevel):
            let facet = taxonomy.facet(key)
            return { code in facet?.code(code).map { topLevel ? ($0.parent ?? $0.code) : $0.code } }
        case .kind: return { kinds.contains($0) ? $0 : nil }
        case .regierungsbezirk: return { taxonomy.region($0)?.regierungsbezirk }
        case .outcome: return { outcomes.contains($0) ? $0 : nil }
        case .intervention: return { interventions.contains($0) ? $0 : nil }
        case .flag: return { taxonomy.flags[$0] != nil ? $0 : nil }
        }
    }
}
