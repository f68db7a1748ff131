import SichtbarCore

/// One change to a case, written in one transaction with its audit events: the new plaintext
/// columns, a replacement sheet, records to add. Refused when the case's revision moved on.
public struct CaseUpdate: Sendable {
    public let id: EntityID
    public let officeID: EntityID
    public let expectedRevision: Int
    public var kind: String
    public var step: String
    public var nextDue: Day?
    public var closedOn: Day?
    /// Replaces the case's sheet.
    public var sheet: SealedRecord?
    public var records: [SealedRecord] = []
    /// Records of the case to delete (a scan replaced by a new one).
    public var removedRecords: [EntityID] = []
    /// Replaces the assignees when set.
    public var assignees: [CaseAssignment]?
    /// Replaces the counsellor's classification when set.
    public var facets: SealedFacets?
    public var audit: [AuditEvent] = []
    /// The authenticator the change was made against: the write is refused (a conflict) when
    /// it moved on meanwhile, as for the revision.
    public let expectedAuthenticator: [UInt8]?
    /// The new authenticator over the new revision and the case's records after the change.
    public var authenticator: [UInt8]?
    /// Reporter records the change checked and folded into the authenticator.
    public var folded: [EntityID] = []
    /// The case keys sealed again with the authenticator marker, for a case from before
    /// authenticators; written only while the case is still on `keyVersion`.
    public var sealedKeys: [UInt8]?
    public let keyVersion: UInt32

    public init(row: CaseFileRow) {
        id = row.id
        officeID = row.officeID
        expectedRevision = row.revision
        kind = row.kind
        step = row.step
        nextDue = row.nextDue
        closedOn = row.closedOn
        expectedAuthenticator = row.authenticator
        keyVersion = row.keys.keyVersion
    }
}
