import Casework

extension PolicyLabels {
    /// The word for a code of a statistics table's dimension key (`ground`, `ground_top`,
    /// `regierungsbezirk`, …); `keine_angabe` is "keine Angabe" in every dimension.
    func statistics(_ value: String, dimension: String) -> String {
        if value == "keine_angabe" { return language == "de" ? "keine Angabe" : "not stated" }
        switch dimension {
        case "kind": return kind(value)
        case "outcome": return outcome(value)
        case "intervention": return intervention(value)
        case "flag": return flag(value)
        case "regierungsbezirk": return pick(taxonomy.regierungsbezirke[value], value.prefix(1).uppercased() + value.dropFirst())
        case "region": return taxonomy.region(value)?.name ?? value
        default:
            // A parent counted with its subtypes (`…_top`) and a parent counted alone are two
            // different numbers; the label says which, so 44 and 10 do not look contradictory.
            let rolledUp = dimension.hasSuffix("_top")
            let facet = rolledUp ? String(dimension.dropLast(4)) : dimension
            let isParent = taxonomy.facet(facet)?.codes.contains { $0.parent == value } ?? false
            guard isParent else { return code(value, of: facet) }
            let german = language.hasPrefix("de")
            let note =
                rolledUp
                ? (german ? "mit Untergruppen" : "including subtypes") : (german ? "ohne genauere Angabe" : "not further specified")
            return "\(code(value, of: facet)) (\(note))"
        }
    }
}
