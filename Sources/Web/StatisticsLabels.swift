import Casework
import SichtbarCore
import Statistics
import Workflow

/// The words for a published table's dimensions and codes: taxonomy facets (a `_top` key is the
/// facet's top level), Regierungsbezirke and flags from the taxonomy, kinds, outcomes and
/// interventions from the workflow policy when one is at hand, `keine_angabe` and the fixed
/// dimensions from the catalogue. An unknown code is shown as itself, never as an empty cell.
struct StatisticsLabels {
    let taxonomy: Taxonomy
    let workflow: WorkflowPolicy?
    let strings: [String: String]
    let language: String

    private func pick(_ labels: [String: String]?) -> String? {
        labels.flatMap { Taxonomy.label($0, language: language) }
    }

    /// The facet a cell key names: `ground_top` is the top level of `ground`.
    static func facetKey(_ dimension: String) -> String {
        dimension.hasSuffix("_top") ? String(dimension.dropLast(4)) : dimension
    }

    func dimension(_ key: String) -> String {
        if let fixed = strings["statistics_dimension_\(key)"] { return fixed }
        return pick(taxonomy.facet(Self.facetKey(key))?.labels) ?? key
    }

    func code(_ code: String, of dimension: String) -> String {
        if code == StatDimension.missing { return strings["statistics_missing"] ?? code }
        // Codes recoding made: "Sonstige (zusammengefasst)", "… mit Untertypen (zusammengefasst)".
        if code == RecodingMap.otherCode { return strings["statistics_merged_other"] ?? code }
        if code.hasSuffix(RecodingMap.parentSuffix) {
            let parent = self.code(String(code.dropLast(RecodingMap.parentSuffix.count)), of: dimension)
            return (strings["statistics_merged_parent"] ?? "{label}").replacingOccurrences(of: "{label}", with: parent)
        }
        let found: String?
        switch dimension {
        case "kind": found = pick(workflow?.kind(code)?.labels)
        case "outcome": found = pick(workflow?.outcome(code)?.labels)
        case "intervention": found = pick(workflow?.intervention(code)?.labels)
        case "regierungsbezirk": found = pick(taxonomy.regierungsbezirke[code])
        case "flag": found = pick(taxonomy.flags[code])
        default: found = pick(taxonomy.facet(Self.facetKey(dimension))?.code(code)?.labels)
        }
        return found ?? code
    }

    func unit(_ unit: String) -> String { strings["statistics_unit_\(unit)"] ?? unit }
}
