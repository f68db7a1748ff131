import Casework
import Intake
import SichtbarCore
import Workflow

/// One thing the demo does to a case at one moment of its two years: what a counsellor, a lead
/// or a reporter would have asked of the services. Days are relative to the moment it happens
/// (a contact on that day, an event some days before), so a plan can be moved in time whole.
struct DemoAction {
    enum Kind {
        /// A report through the online form (intake), to the case's office.
        case report(ReportSubmission)
        /// A case a counsellor records from a call, a visit, a letter or an e-mail.
        case record(kind: String, channel: String, title: String, persons: [AffectedPerson], contact: DemoContact?, note: String?)
        case assign([(username: String, role: CaseAssignment.Role)])
        case describe(title: String, persons: [AffectedPerson])
        case classify(codes: [String: [String]], region: String?, multidimensional: Bool)
        case contact(DemoContact)
        case note(String)
        case document(type: String, scope: [String], counterpart: String?, daysBefore: Int)
        case transition(TransitionRequest)
        /// An event that happened `daysBefore` days before it is recorded.
        case event(String, daysBefore: Int)
        /// A Wiedervorlage due `inDays` days after it is set.
        case followUp(label: String, inDays: Int)
        case message(String)
        case reporterMessage(String)
        /// The reporter withdraws the report with the receipt.
        case withdraw
        /// A "Kontakt ohne Akte": never a case, only a tally.
        case tally(channel: String, ground: String?, referral: String?)
    }

    /// Days before today, at least 1: the demo's clock never reaches the real day.
    var ago: Int
    /// Minutes after midnight in Berlin.
    var minute: Int
    /// The case it belongs to (its index in the plan); tallies have none.
    let caseIndex: Int?
    /// Its place among the case's actions, to keep their order on one minute.
    var sequence: Int
    /// Who acts (a member's username; ignored for the reporter's actions).
    let actor: String
    let kind: Kind
}

/// A contact for the contact log, its day being the day it is recorded.
struct DemoContact {
    let minutes: Int
    let mode: ContactLogEntry.Mode
    let with: String
    let interpreting: ContactLogEntry.Interpreting
    let language: String?

    func entry(on day: Day) -> ContactLogEntry {
        ContactLogEntry(on: day, minutes: minutes, mode: mode, with: with, interpreting: interpreting, language: language)
    }
}
