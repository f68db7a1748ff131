import SichtbarCore

/// What the retention schedule knows of a case: only plaintext the server holds anyway (kind,
/// step and the days of arrival, first classification, closing and deletion request), so it runs
/// daily without anyone's key.
public struct RetentionCandidate: Sendable, Equatable {
    public let id: EntityID
    public let officeID: EntityID
    public let kind: String
    public let step: String
    public let receivedOn: Day
    /// The day of the counsellor's first classification; nil while unclassified.
    public let classifiedOn: Day?
    /// The day the case was closed; nil while open.
    public let closedOn: Day?
    /// The day deletion was requested (the case stands in `loeschung_beantragt`).
    public let deletionRequestedOn: Day?
    /// Court proceedings are pending: nothing is deleted while the hold lasts.
    public let legalHold: Bool

    public init(
        id: EntityID, officeID: EntityID, kind: String, step: String, receivedOn: Day, classifiedOn: Day?,
        closedOn: Day?, deletionRequestedOn: Day?, legalHold: Bool
    ) {
        self.id = id
        self.officeID = officeID
        self.kind = kind
        self.step = step
        self.receivedOn = receivedOn
        self.classifiedOn = classifiedOn
        self.closedOn = closedOn
        self.deletionRequestedOn = deletionRequestedOn
        self.legalHold = legalHold
    }
}
