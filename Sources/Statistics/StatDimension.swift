/// A dimension a table may break counts down by, as `Policies/statistics.yaml` names it.
public enum StatDimension: Sendable, Equatable, Hashable {
    /// A taxonomy facet; `topLevel` counts subtypes under their parent (`ground:top`).
    case facet(String, topLevel: Bool)
    case kind
    case regierungsbezirk
    case outcome
    case intervention
    case flag

    /// The code every dimension has for a case without a value, so tables add up.
    public static let missing = "keine_angabe"

    public init?(policyName: String) {
        switch policyName {
        case "kind": self = .kind
        case "regierungsbezirk": self = .regierungsbezirk
        case "outcome": self = .outcome
        case "intervention": self = .intervention
        case "flag": self = .flag
        default:
            if policyName.hasSuffix(":top") {
                self = .facet(String(policyName.dropLast(4)), topLevel: true)
            } else if !policyName.contains(":") {
                self = .facet(policyName, topLevel: false)
            } else {
                return nil
            }
        }
    }

    /// The key of this dimension in a table's cells (`ground`, `ground_top`, `kind`, …).
    public var key: String {
        switch self {
        case .facet(let facet, let topLevel): return topLevel ? "\(facet)_top" : facet
        case .kind: return "kind"
        case .regierungsbezirk: return "regierungsbezirk"
        case .outcome: return "outcome"
        case .intervention: return "intervention"
        case .flag: return "flag"
        }
    }
}
