/// Everything one audit run found: the problems, or why the tables could not be audited.
enum AuditReport: Sendable {
    case findings([AuditFinding])
    case unreadable(String)

    var verdict: DisclosureVerdict {
        switch self {
        case .unreadable(let reason): .unreadable(reason: reason)
        case .findings(let findings): findings.first?.verdict ?? .safe
        }
    }
}
