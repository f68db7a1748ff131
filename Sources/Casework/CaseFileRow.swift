import Members
import SichtbarCore

/// A case as stored: the plaintext the list filters on, the sealed keys, the sealed sheet and
/// who is assigned. The store hands it out only for the office asked about.
public struct CaseFileRow: Sendable {
    public let id: EntityID
    public let officeID: EntityID
    public let kind: String
    public let step: String
    public let channel: String
    public let receivedOn: Day
    public let nextDue: Day?
    public let closedOn: Day?
    /// The day the reporter withdrew a worked case (deletion requested), if so.
    public let withdrawnOn: Day?
    /// Bumped by every change; a change made against an older revision is refused.
    public let revision: Int
    public let keys: SealedCaseKeys
    public let hasMailbox: Bool
    public let assignees: [CaseAssignment]
    /// The sealed case sheet; nil for a report nobody has worked yet.
    public let sheet: SealedRecord?
    /// The case's authenticator (`CaseIntegrity`); nil for a case from before authenticators.
    public let authenticator: [UInt8]?
    /// Records the store marks as written by the reporter since the office's last write: not
    /// yet covered by the authenticator. Filled only when a case is opened with its records.
    public var pendingRecords: Set<EntityID> = []
    /// The reporter added a message or file that no counsellor has marked read.
    public var reporterUnread = false
    /// Court proceedings are pending: retention deletes nothing of the case.
    public var legalHold = false

    public init(
        id: EntityID, officeID: EntityID, kind: String, step: String, channel: String, receivedOn: Day, nextDue: Day?,
        closedOn: Day?, withdrawnOn: Day? = nil, revision: Int, keys: SealedCaseKeys, hasMailbox: Bool, assignees: [CaseAssignment],
        sheet: SealedRecord?,
        authenticator: [UInt8]? = nil
    ) {
        self.id = id
        self.officeID = officeID
        self.kind = kind
        self.step = step
        self.channel = channel
        self.receivedOn = receivedOn
        self.nextDue = nextDue
        self.closedOn = closedOn
        self.withdrawnOn = withdrawnOn
        self.revision = revision
        self.keys = keys
        self.hasMailbox = hasMailbox
        self.assignees = assignees
        self.sheet = sheet
        self.authenticator = authenticator
    }
}
