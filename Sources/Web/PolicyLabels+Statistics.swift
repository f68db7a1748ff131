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
        case "regierungsbezirk": return value.prefix(1).uppercased() + value.dropFirst()
        default:
            let facet = dimension.hasSuffix("_top") ? String(dimension.dropLast(4)) : dimension
            return code(value, of: facet)
        }
    }
}
