import CaseContract
import Casework
import ContractSupport
import Foundation
import Intake
import OpenAPIRuntime
import SichtbarCore
import Workflow

/// The case API's bodies between the generated types of the contract and the domain's.
extension CaseAPI {
    typealias Schemas = Components.Schemas

    // MARK: Requests

    /// A day of a body: the generated type keeps it as text; one that is no day is refused as
    /// the decoder refused it before (`400`, naming the field).
    static func day(_ text: String, _ field: String) throws -> Day {
        guard let day = Day(iso: text) else { throw malformed(field) }
        return day
    }

    /// A code the document and the domain both enumerate, from the one to the other.
    static func code<Code: RawRepresentable<String>>(_ type: Code.Type, _ text: String, _ field: String) throws -> Code {
        guard let code = Code(rawValue: text) else { throw malformed(field) }
        return code
    }

    static func malformed(_ field: String) -> APIError {
        APIError(.badRequest, code: "bad_request", message: "\(field) is malformed", field: field)
    }

    static func person(_ person: Schemas.AffectedPerson) -> AffectedPerson {
        AffectedPerson(label: person.label, minor: person.minor)
    }

    /// A contact of a body; `path` names where it sits, for the refusal of a malformed day.
    static func contact(_ contact: Schemas.Contact, at path: String? = nil) throws -> ContactLogEntry {
        func field(_ name: String) -> String { path.map { "\($0).\(name)" } ?? name }
        return ContactLogEntry(
            on: try day(contact.on, field("on")), minutes: contact.minutes,
            mode: try code(ContactLogEntry.Mode.self, contact.mode.rawValue, field("mode")), with: contact.with,
            interpreting: try code(ContactLogEntry.Interpreting.self, contact.interpreting.rawValue, field("interpreting")),
            language: contact.language, note: contact.note)
    }

    // MARK: Answers

    static func listed(_ item: CaseListItem) throws -> Schemas.CaseList.CasesPayloadPayload {
        .init(
            id: item.id.hex, reference: item.reference, kind: item.kind, step: item.step, receivedOn: item.receivedOn.iso,
            channel: item.channel, title: item.title, assignees: item.assignees.map(assignee), deadlines: item.deadlines.map(deadline),
            unread: item.unread)
    }

    static func assignee(_ assignment: CaseAssignment) -> Schemas.Assignee {
        let role: Schemas.Assignee.RolePayload
        switch assignment.role {
        case .beratung: role = .beratung
        case .coBeratung: role = .coBeratung
        case .vertretung: role = .vertretung
        }
        return .init(username: assignment.username, role: role)
    }

    static func deadline(_ status: DeadlineStatus) -> Schemas.Deadline {
        let state: Schemas.Deadline.StatePayload
        switch status.state {
        case .open: state = .offen
        case .dueSoon: state = .baldFaellig
        case .overdue: state = .ueberfaellig
        case .met: state = .erledigt
        case .missed: state = .versaeumt
        }
        return .init(
            rule: status.rule, label: status.label, due: status.due.iso, state: state, start: status.start?.iso,
            overridden: status.overridden, id: status.manualID?.hex)
    }

    static func contact(_ entry: ContactLogEntry) throws -> Schemas.Contact {
        .init(
            on: entry.on.iso, minutes: entry.minutes, mode: try answer(Schemas.Contact.ModePayload.self, entry.mode.rawValue),
            with: entry.with, interpreting: try answer(Schemas.Contact.InterpretingPayload.self, entry.interpreting.rawValue),
            language: entry.language, note: entry.note)
    }

    /// The decrypted case. What the document leaves open (`type: object`: the report, the
    /// classifications, the timeline, documents, interventions, events, notes) is the domain's
    /// own JSON, encoded once where the answer is written (`EncodedValue`).
    static func opened(_ view: CaseView, policy: WorkflowPolicy) throws -> Schemas.Case {
        Schemas.Case(
            id: view.id.hex, reference: view.reference, kind: view.kind, step: view.step, channel: view.channel,
            receivedOn: view.receivedOn.iso, revision: view.revision, title: view.sheet.title,
            persons: view.sheet.persons.map { .init(label: $0.label, minor: $0.minor) }, outcome: view.sheet.outcome,
            assignees: view.assignees.map(assignee), report: view.report.map(EncodedValue.init), contactDetails: view.contactDetails,
            classification: EncodedValue(classification(view)), timeline: view.timeline.map(EncodedValue.init),
            contacts: try view.timeline.compactMap(\.contact).map(contact), documents: view.sheet.documents.map(EncodedValue.init),
            interventions: view.sheet.interventions.map(EncodedValue.init), events: view.sheet.events.map(EncodedValue.init),
            deadlines: view.deadlines.map(deadline), messages: view.messages.map(message),
            notes: view.timeline.filter { $0.kind == .note }.map(EncodedValue.init),
            transitions: view.transitions.map {
                .init(name: $0.name, to: $0.to, intervention: $0.needsIntervention, outcomes: $0.outcomes, reason: $0.needsReason)
            },
            letters: view.letters.map { .init(id: $0.recordID.hex, template: $0.template, at: $0.at) },
            reporterUnread: view.reporterUnread,
            legalFields: policy.fields.map(\.code).filter(view.sheet.legalFields(policy).contains),
            legalFieldsByHand: view.sheet.chosenFields != nil)
    }

    /// A classification of the case: `reporter` (the report's own codes) and `counsellor`.
    struct Classification: Encodable {
        let month: String
        let taxonomy: String
        let codes: [String: [String]]
        let flags: [String]
        let region: String?
    }

    static func classification(_ view: CaseView) -> [String: Classification] {
        var classification: [String: Classification] = [:]
        if let report = view.report {
            let codes = ["ground": report.grounds, "area": report.area.map { [$0] } ?? [], "role": report.role.map { [$0] } ?? []]
            classification["reporter"] = Classification(
                month: report.submittedOn.monthKey, taxonomy: "", codes: codes.filter { !$0.value.isEmpty }, flags: [],
                region: report.region)
        }
        if let counsellor = view.counsellorClassification {
            classification["counsellor"] = Classification(
                month: counsellor.month, taxonomy: counsellor.taxonomy, codes: counsellor.codes, flags: counsellor.flags,
                region: counsellor.region)
        }
        return classification
    }

    /// A message of the thread; an evidence file is downloaded at `…/reporter-files/{id}`.
    static func message(_ message: MailboxMessage) -> Schemas.Case.MessagesPayloadPayload {
        let from: Schemas.Case.MessagesPayloadPayload.FromPayload
        switch message.from {
        case .office: from = .office
        case .reporter: from = .reporter
        }
        return .init(
            from: from, text: message.text, on: message.on.iso,
            file: message.file.map { .init(id: $0.recordID.hex, _type: $0.mediaType.rawValue, size: $0.size, sha256: $0.hash) })
    }

    /// A code of an answer the document enumerates; one it does not know is a 500, never a guess.
    static func answer<Code: RawRepresentable<String>>(_ type: Code.Type, _ text: String) throws -> Code {
        guard let code = Code(rawValue: text) else { throw ReporterAPI.OutsideContract(value: text) }
        return code
    }
}
