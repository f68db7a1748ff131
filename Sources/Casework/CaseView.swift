import Intake
import SichtbarCore
import Workflow

/// A case opened by a counsellor: everything the case page and `GET /api/v1/cases/{id}` show.
public struct CaseView: Sendable {
    public let id: EntityID
    public let reference: String
    public let kind: String
    public let step: String
    public let channel: String
    public let receivedOn: Day
    public let revision: Int
    public let sheet: CaseSheet
    public let assignees: [CaseAssignment]
    /// The report as the reporter submitted it (with the reporter's own classification).
    public let report: ReportContent?
    /// The reporter's contact details, when they asked to be contacted.
    public let contactDetails: String?
    public let counsellorClassification: CaseClassification?
    /// Oldest first.
    public let timeline: [TimelineEntry]
    public let messages: [MailboxMessage]
    public let hasMailbox: Bool
    public let deadlines: [DeadlineStatus]
    /// The transitions the member may take now, in policy order.
    public let transitions: [WorkflowTransition]
    /// Letters generated for the case: record id, template, when.
    public let letters: [LetterSummary]
    public let documentFiles: [EntityID]
    /// The reporter wrote and no counsellor has marked it read.
    public var reporterUnread = false
    /// Court proceedings are pending: retention deletes nothing of the case.
    public var legalHold = false
}

/// A letter stored with a case, as the case page lists it.
public struct LetterSummary: Sendable, Equatable {
    public let recordID: EntityID
    public let template: String
    public let at: String
    /// The day it was sent; nil for a draft.
    public var sentOn: Day?
}
