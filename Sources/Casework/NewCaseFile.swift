import SichtbarCore

/// A case a counsellor records (a phone call, a walk-in, a letter): like intake, but with a
/// sheet and assignees from the start and no reporter mailbox.
public struct NewCaseFile: Sendable {
    public let id: EntityID
    public let officeID: EntityID
    public let keyVersion: UInt32
    public let sealedKeys: [UInt8]
    public let kind: String
    public let step: String
    public let channel: String
    public let receivedOn: Day
    public let nextDue: Day?
    public let records: [SealedRecord]
    public let assignees: [CaseAssignment]
    public let audit: [AuditEvent]
    /// The day it was closed, for a case that arrives closed (an import; the benchmark's office).
    public let closedOn: Day?
    /// `KeyFingerprint.bytes` of the office key the case keys were sealed to.
    public let sealedTo: [UInt8]?
    /// The case's first authenticator (`CaseIntegrity`, revision 0, over `records`).
    public let authenticator: [UInt8]?

    public init(
        id: EntityID, officeID: EntityID, keyVersion: UInt32, sealedKeys: [UInt8], kind: String, step: String, channel: String,
        receivedOn: Day, nextDue: Day?, records: [SealedRecord], assignees: [CaseAssignment], audit: [AuditEvent],
        closedOn: Day? = nil, sealedTo: [UInt8]? = nil, authenticator: [UInt8]? = nil
    ) {
        self.sealedTo = sealedTo
        self.id = id
        self.officeID = officeID
        self.keyVersion = keyVersion
        self.sealedKeys = sealedKeys
        self.kind = kind
        self.step = step
        self.channel = channel
        self.receivedOn = receivedOn
        self.nextDue = nextDue
        self.records = records
        self.assignees = assignees
        self.audit = audit
        self.closedOn = closedOn
        self.authenticator = authenticator
    }
}
