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

    public init(row: CaseFileRow) {
        id = row.id
        officeID = row.officeID
        expectedRevision = row.revision
        kind = row.kind
        step = row.step
        nextDue = row.nextDue
        closedOn = row.closedOn
    }
}
