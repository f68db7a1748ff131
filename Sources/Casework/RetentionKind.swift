import SichtbarCore

/// Why a case is deleted under `Policies/retention.yaml`. The raw values are the keys of
/// `retention run --json` and part of the audit action names, so they are stable.
public enum RetentionKind: String, Sendable, Codable, CaseIterable, Comparable {
    /// A Meldung, some months after its first classification.
    case report
    /// A closed Beratungsfall or Organisationsberatung, at the end of the limitation period.
    case closedCase = "closed_case"
    /// A Meldung nobody classified, a year after it arrived.
    case unclassified
    /// A deletion request, at the end of its Art. 12 (3) DSGVO month.
    case deletionRequest = "deletion_request"

    public static func < (lhs: RetentionKind, rhs: RetentionKind) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// The audit action of a shredding of this kind.
    public var auditAction: AuditAction {
        switch self {
        case .report: return .retentionReportShredded
        case .closedCase: return .retentionClosedCaseShredded
        case .unclassified: return .retentionUnclassifiedShredded
        case .deletionRequest: return .retentionDeletionCarriedOut
        }
    }
}
