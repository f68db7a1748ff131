/// The identities between a facet's top-level and detailed counts (`CodeHierarchy`).
extension LinkedRelease {
    /// For every quantity keyed by a top-level code with subtypes, and whose detailed
    /// counterparts (same unit, period and other codes) all exist in the release: each
    /// detailed count ≤ the top-level count ≤ their sum. That is the Nennungen relation, and it
    /// holds exactly here: a case counted under the parent names the parent or a subtype.
    func hierarchyRelations(_ hierarchies: [CodeHierarchy]) -> [QuantityRelation] {
        var found: [QuantityRelation] = []
        for hierarchy in hierarchies {
            for (total, quantity) in quantities.enumerated() {
                guard quantity.key[hierarchy.detailed] == nil, let code = quantity.key[hierarchy.topLevel],
                    let covered = hierarchy.covers[code], covered.count > 1
                else { continue }
                let parts = covered.compactMap { detailed -> Int? in
                    var key = quantity.key
                    key[hierarchy.topLevel] = nil
                    key[hierarchy.detailed] = detailed
                    return self.quantity(of: QuantityKey(unit: quantity.unit, period: quantity.period, key: key))
                }
                // A release without every subtype's count says nothing exact about their sum.
                guard parts.count == covered.count else { continue }
                found.append(QuantityRelation(total: total, parts: parts, isSum: false))
            }
        }
        return found
    }
}
