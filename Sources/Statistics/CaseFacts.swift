import Casework

/// What statistics know of one classified case: its decrypted classification and nothing
/// else. A typealias keeps the Statistics code speaking of counting, not of sealing.
public typealias CaseFacts = CaseClassification
