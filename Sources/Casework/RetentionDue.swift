import SichtbarCore

/// When a case goes under the retention policy, and why.
public struct RetentionDue: Sendable, Equatable {
    public let caseID: EntityID
    public let officeID: EntityID
    public let kind: RetentionKind
    /// The first day on which the case is deleted.
    public let goesOn: Day
    /// An unclassified report is shown to the office from this day on, before it goes.
    public let flaggedOn: Day?
    /// Deletion is suspended by a legal hold; `goesOn` is when it would go without it.
    public let held: Bool

    public init(caseID: EntityID, officeID: EntityID, kind: RetentionKind, goesOn: Day, flaggedOn: Day? = nil, held: Bool = false) {
        self.caseID = caseID
        self.officeID = officeID
        self.kind = kind
        self.goesOn = goesOn
        self.flaggedOn = flaggedOn
        self.held = held
    }

    /// Deleted by a run on `today`.
    public func isDue(on today: Day) -> Bool { !held && goesOn <= today }
}
