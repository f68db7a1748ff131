import Casework
import Intake
import Workflow

/// A deadline as the API shows it.
struct DeadlineJSON: Encodable {
    let rule: String
    let label: String?
    let due: String
    let state: String
    let start: String?
    let overridden: Bool
    let id: String?

    init(_ status: DeadlineStatus) {
        rule = status.rule
        label = status.label
        due = status.due.iso
        state = status.state.rawValue
        start = status.start?.iso
        overridden = status.overridden
        id = status.manualID?.hex
    }
}

struct AssigneeJSON: Encodable {
    let username: String
    let role: String

    init(_ assignment: CaseAssignment) {
        username = assignment.username
        role = assignment.role.rawValue
    }
}

/// One case of `GET /api/v1/cases`.
struct CaseListJSON: Encodable {
    let id: String
    let reference: String
    let kind: String
    let step: String
    let receivedOn: String
    let channel: String
    let title: String
    let assignees: [AssigneeJSON]
    let deadlines: [DeadlineJSON]
    /// The reporter wrote (a message or file) and no counsellor has marked it read.
    let unread: Bool

    init(_ item: CaseListItem) {
        id = item.id.hex
        reference = item.reference
        kind = item.kind
        step = item.step
        receivedOn = item.receivedOn.iso
        channel = item.channel
        title = item.title
        assignees = item.assignees.map(AssigneeJSON.init)
        deadlines = item.deadlines.map(DeadlineJSON.init)
        unread = item.unread
    }
}

/// `GET /api/v1/cases/{id}`: the decrypted case.
struct CaseJSON: Encodable {
    struct Classification: Encodable {
        let month: String
        let taxonomy: String
        let codes: [String: [String]]
        let flags: [String]
        let region: String?
    }

    struct Message: Encodable {
        let from: String
        let text: String
        let on: String
        let file: File?
    }
    /// An evidence file the reporter sent: download it at `/api/v1/cases/{id}/reporter-files/{id}`.
    struct File: Encodable {
        let id: String
        let type: String
        let size: Int
        let sha256: String
    }
    struct Transition: Encodable {
        let name: String
        let to: String
        let intervention: Bool
        let outcomes: [String]
        let reason: Bool
    }

    let id: String
    let reference: String
    let kind: String
    let step: String
    let channel: String
    let receivedOn: String
    let revision: Int
    let title: String
    let persons: [AffectedPerson]
    let outcome: String?
    let assignees: [AssigneeJSON]
    let report: ReportContent?
    let contactDetails: String?
    let classification: [String: Classification]
    let timeline: [TimelineEntry]
    let contacts: [ContactLogEntry]
    let documents: [CaseDocument]
    let interventions: [InterventionRecord]
    let events: [RecordedEvent]
    let deadlines: [DeadlineJSON]
    let messages: [Message]
    let notes: [TimelineEntry]
    let transitions: [Transition]
    /// Letters generated for the case, oldest first; `GET …/letters/{id}` prints one.
    let letters: [Letter]
    /// The reporter wrote and no counsellor has marked it read (`POST …/reporter-read`).
    let reporterUnread: Bool
    /// The legal fields the case's deadlines run in, and whether they were set by hand.
    let legalFields: [String]
    let legalFieldsByHand: Bool

    struct Letter: Encodable {
        let id: String
        let template: String
        let at: String
    }

    init(_ view: CaseView, policy: WorkflowPolicy) {
        reporterUnread = view.reporterUnread
        legalFields = policy.fields.map(\.code).filter(view.sheet.legalFields(policy).contains)
        legalFieldsByHand = view.sheet.chosenFields != nil
        id = view.id.hex
        reference = view.reference
        kind = view.kind
        step = view.step
        channel = view.channel
        receivedOn = view.receivedOn.iso
        revision = view.revision
        title = view.sheet.title
        persons = view.sheet.persons
        outcome = view.sheet.outcome
        assignees = view.assignees.map(AssigneeJSON.init)
        report = view.report
        contactDetails = view.contactDetails
        var classification: [String: Classification] = [:]
        if let report = view.report {
            classification["reporter"] = Classification(
                month: report.submittedOn.monthKey, taxonomy: "",
                codes: [
                    "ground": report.grounds, "area": report.area.map { [$0] } ?? [], "role": report.role.map { [$0] } ?? [],
                ].filter { !$0.value.isEmpty }, flags: [], region: report.region)
        }
        if let counsellor = view.counsellorClassification {
            classification["counsellor"] = Classification(
                month: counsellor.month, taxonomy: counsellor.taxonomy, codes: counsellor.codes,
                flags: counsellor.flags, region: counsellor.region)
        }
        self.classification = classification
        timeline = view.timeline
        contacts = view.timeline.compactMap(\.contact)
        documents = view.sheet.documents
        interventions = view.sheet.interventions
        events = view.sheet.events
        deadlines = view.deadlines.map(DeadlineJSON.init)
        messages = view.messages.map { message in
            Message(
                from: message.from.rawValue, text: message.text, on: message.on.iso,
                file: message.file.map { File(id: $0.recordID.hex, type: $0.mediaType.rawValue, size: $0.size, sha256: $0.hash) })
        }
        notes = view.timeline.filter { $0.kind == .note }
        transitions = view.transitions.map {
            Transition(name: $0.name, to: $0.to, intervention: $0.needsIntervention, outcomes: $0.outcomes, reason: $0.needsReason)
        }
        letters = view.letters.map { Letter(id: $0.recordID.hex, template: $0.template, at: $0.at) }
    }
}
