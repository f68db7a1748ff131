import SichtbarCore

/// The parts of an audit verdict the tests compare.
public func brokenSequence(_ verdict: AuditVerdict) -> UInt64? {
    if case .broken(let sequence, _) = verdict { return sequence }
    return nil
}

public func reason(_ verdict: AuditVerdict) -> String {
    switch verdict {
    case .intact: return ""
    case .broken(_, let reason), .checkpointNotExtended(let reason): return reason
    }
}

public func isCheckpointFailure(_ verdict: AuditVerdict) -> Bool {
    if case .checkpointNotExtended = verdict { return true }
    return false
}
