import Casework
import Foundation
import SichtbarCore
import Workflow

extension DemoCasework {
    /// One counsellor's or lead's action on an existing case (or a tally, which has none).
    func perform(_ action: DemoAction, on id: EntityID?) async throws {
        let session = try session(action.actor)
        let today = Day(clock.now)
        if case .tally(let channel, let ground, let referral) = action.kind {
            try await casework.recordTally(channel: channel, ground: ground, referral: referral, by: session)
            return
        }
        guard let id else { throw DemoError("no case for \(action.kind)") }
        // A counsellor who works the case has read what the reporter wrote (nothing happens, and
        // nothing is audited, when nothing is unread).
        if case .assign = action.kind {} else { try await casework.markReporterRead(id, by: session) }
        switch action.kind {
        case .assign(let team):
            try await casework.assign(team, to: id, by: session)
        case .describe(let title, let persons):
            try await casework.describe(title: title, persons: persons, on: id, by: session)
        case .classify(let codes, let region, let multidimensional):
            try await casework.classify(id, codes: codes, flags: multidimensional ? ["mehrdimensional"] : [], region: region, by: session)
        case .contact(let contact):
            try await casework.addContact(contact.entry(on: today), to: id, by: session)
        case .note(let text):
            try await casework.addNote(text, to: id, by: session)
        case .document(let type, let scope, let counterpart, let daysBefore):
            // The other side is recorded as a party first, as the case page asks (nothing changes if it is there).
            if let counterpart { try await casework.addParty(name: counterpart, role: .gegenseite, to: id, by: session) }
            try await casework.addDocument(
                DocumentInput(
                    type: type, scope: scope, counterpart: counterpart,
                    signedOn: today.adding(days: -daysBefore), note: nil), to: id, by: session)
        case .transition(let request):
            if let counterpart = request.counterpart {
                try await casework.addParty(name: counterpart, role: .gegenseite, to: id, by: session)
            }
            try await casework.transition(id, request, by: session)
        case .event(let code, let daysBefore):
            do {
                try await casework.recordEvent(code, on: today.adding(days: -daysBefore), to: id, by: session)
            } catch WorkflowRejection.fieldMismatch(_, let fields, let caseFields) {
                // As a counsellor would on the refusal: the case is not classified yet, so its legal
                // field is set by hand, then the event recorded.
                let always = casework.policy.alwaysFieldCodes
                try await casework.setLegalFields(caseFields.filter { !always.contains($0) } + fields, on: id, by: session)
                try await casework.recordEvent(code, on: today.adding(days: -daysBefore), to: id, by: session)
            }
        case .followUp(let label, let inDays):
            try await casework.setDeadline(rule: nil, label: label, due: today.adding(days: inDays), reason: nil, on: id, by: session)
        case .message(let text):
            try await casework.sendMessage(text, to: id, by: session)
        case .report, .record, .reporterMessage, .withdraw, .tally:
            throw DemoError("\(action.kind) is not a member's action on a case")
        }
    }
}
