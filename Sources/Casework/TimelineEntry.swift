import SichtbarCore
import Workflow

/// One entry of a case's timeline, sealed under the case key: who did what when, with the
/// content that belongs to it (a note's text, a contact, a document). Entries are only added.
public struct TimelineEntry: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case created
        case transition
        case note
        case contact
        case document
        /// A scan attached to a document (its hash is in `document.file`).
        case documentFile = "document_file"
        case documentRevoked = "document_revoked"
        case event
        case deadline
        case deadlineOverride = "deadline_override"
        case deadlineDone = "deadline_done"
        /// A legal deadline marked versäumt, with the reason.
        case deadlineMissed = "deadline_missed"
        case assignment
        case classification
        /// The legal fields set by hand, or back to following the classification.
        case fields
        case persons
        /// A party added to the case (its name in `text`).
        case party
        case letter
        /// A letter saved as sent: its final text, sealed, with the day it went out.
        case letterSent = "letter_sent"
    }

    /// An audit-style timestamp (UTC, seconds): the order of the timeline.
    public let at: String
    public let actor: String
    public let kind: Kind
    /// A note, a reason, a deadline's label, a summary of the change.
    public var text: String?
    /// A note the counsellor marked as one the person may see in an access request's answer
    /// (Art. 15 DSGVO); nil or false: internal, left out.
    public var shareable: Bool?
    /// The day a letter was sent (for `letterSent`).
    public var sentOn: Day?
    public var transition: TransitionRequest?
    public var contact: ContactLogEntry?
    public var document: CaseDocument?
    public var event: RecordedEvent?
    public var deadline: ManualDeadline?
    /// The record holding a scanned document or a letter.
    public var recordID: EntityID?

    public init(at: String, actor: String, kind: Kind, text: String? = nil) {
        self.at = at
        self.actor = actor
        self.kind = kind
        self.text = text
    }
}
