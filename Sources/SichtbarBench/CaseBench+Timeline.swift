import Casework
import Foundation
import Members
import SichtbarCore
import Workflow

/// A case worked long enough to have `entries` timeline entries, all through the service: the
/// recorded call, notes, contacts with interpreting, documents, events, Wiedervorlagen and a
/// run of interventions. Returns its id.
func benchTimelineCase(_ casework: CaseworkService, by session: Session, entries: Int) async throws -> EntityID {
    let today = Day(Date())
    let id = try await casework.create(
        NewCaseInput(
            kind: "beratungsfall", channel: "telefon", title: "Benchmark: langer Fall",
            persons: [AffectedPerson(label: "Person A.", minor: false)],
            contact: ContactLogEntry(on: today, minutes: 30, mode: .telefon, with: "ratsuchende Person", interpreting: .keine),
            note: nil), by: session)
    // `created` and the first contact are two entries already.
    var count = 2
    var step = "eingegangen"
    for next in ["erstkontakt", "sachverhaltsklaerung", "auftragsklaerung"] {
        try await casework.transition(id, TransitionRequest(from: step, to: next), by: session)
        step = next
        count += 1
    }
    // An employment case (its rejection events below), with the other side as a party: two entries.
    try await casework.setLegalFields(["beschaeftigung"], on: id, by: session)
    try await casework.addParty(name: "Musterbau Wohnen GmbH", role: .gegenseite, to: id, by: session)
    try await casework.addDocument(
        DocumentInput(
            type: "vollmacht", scope: ["alle"], counterpart: "Musterbau Wohnen GmbH", signedOn: today,
            note: nil), to: id, by: session)
    count += 3
    while count < entries {
        switch count % 10 {
        case 0:
            try await casework.transition(
                id,
                TransitionRequest(
                    from: step, to: "intervention", intervention: "beschwerdebrief",
                    counterpart: "Musterbau Wohnen GmbH"), by: session)
            step = "intervention"
        case 1, 2, 3:
            try await casework.addContact(
                ContactLogEntry(
                    on: today, minutes: 20, mode: .persoenlich, with: "ratsuchende Person",
                    interpreting: count % 2 == 0 ? .dgs : .lautsprache, language: "Türkisch"),
                to: id, by: session)
        case 4:
            try await casework.recordEvent("ablehnung_zugegangen", on: today.adding(days: -(count % 30)), to: id, by: session)
        case 5:
            try await casework.setDeadline(
                rule: nil, label: "Wiedervorlage \(count)", due: today.adding(days: count % 20), reason: nil,
                on: id, by: session)
        default:
            try await casework.addNote(
                "Vermerk \(count): Gespräch geführt, nächste Schritte abgestimmt, Unterlagen geprüft.", to: id, by: session)
        }
        count += 1
    }
    return id
}
