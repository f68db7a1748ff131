extension StatVocabulary {
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
