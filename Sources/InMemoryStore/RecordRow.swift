import SichtbarCore

/// One sealed record of a case (`record`); `pending` marks a reporter's record the case
/// authenticator does not cover yet.
struct RecordRow: Sendable {
    let id: EntityID
    let caseID: EntityID
    let kind: RecordKind
    let keyVersion: UInt32
    let ciphertext: [UInt8]
    var pending: Bool

    func sealed(withBody: Bool = true) -> SealedRecord {
        SealedRecord(id: id, caseID: caseID, kind: kind, keyVersion: keyVersion, ciphertext: withBody ? ciphertext : [])
    }

    /// The order SQLite returns a case's records in: its `record_by_case (case_id, kind)` index,
    /// then the primary key.
    static func indexOrder(_ lhs: RecordRow, _ rhs: RecordRow) -> Bool {
        lhs.kind != rhs.kind ? Binary.less(lhs.kind.rawValue, rhs.kind.rawValue) : Binary.less(lhs.id, rhs.id)
    }
}
