extension StatVocabulary {
    /// For every facet with subtypes, how its `:top` dimension covers the detailed codes, so
    /// disclosure control reads a ground table and a top-level ground table as the linked
    /// counts they are (see `CodeHierarchy`).
    public var codeHierarchies: [CodeHierarchy] {
        taxonomy.facets.compactMap { facet -> CodeHierarchy? in
            guard facet.codes.contains(where: { $0.parent != nil }) else { return nil }
            var covers: [String: [String]] = [StatDimension.missing: [StatDimension.missing]]
            for code in facet.codes where code.parent == nil {
                covers[code.code] = [code.code] + facet.codes.filter { $0.parent == code.code }.map(\.code)
            }
            let top = StatDimension.facet(facet.key, topLevel: true).key
            return CodeHierarchy(detailed: facet.key, topLevel: top, covers: covers)
        }
    }
}
