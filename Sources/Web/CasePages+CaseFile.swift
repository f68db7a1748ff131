import Casework
import Foundation
import Hummingbird
import SichtbarCore
import Workflow

extension CasePages {
    /// `/cases/{id}/print?purpose=akte|auskunft`: a case file to print or save as PDF. `akte`
    /// holds everything for the office's records; `auskunft` answers the person's access request
    /// (Art. 15 DSGVO): the report, the conversation, documents and interventions, contacts by
    /// date and kind, and only the parties and notes marked shareable — no staff history.
    @Sendable func printCaseFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await base.memberPage(request, context) { session, language in
            guard let id = CaseAPI.pathID(context) else { throw AccessError.notFound }
            let purpose = request.uri.queryParameters.get("purpose").flatMap(CaseFilePurpose.init(rawValue:)) ?? .akte
            let view = try await casework.caseFile(id, purpose: purpose, by: session)
            let office = try await casework.members.store.office(id: session.officeID ?? id)
            return base.render(
                "case_file", language: language, path: "/cases/\(id.hex)/print", session: session,
                page: caseFileValues(view, purpose: purpose, officeName: office?.name ?? "", language))
        }
    }

    func caseFileValues(_ view: CaseView, purpose: CaseFilePurpose, officeName: String, _ language: Catalogue) -> CaseFileView {
        let words = labels(language)
        let time = PageTime(language: language.code)
        let full = purpose == .akte
        let shareable = Set((view.sheet.parties ?? []).filter { full || $0.shareable == true }.map { CaseDocument.normalised($0.name) })
        func party(_ name: String?) -> String? {
            guard let name else { return nil }
            return shareable.contains(CaseDocument.normalised(name)) ? name : language["file_third_party"]
        }
        let classification = view.counsellorClassification.map { classification in
            casework.taxonomy.facets.compactMap { facet -> CasePageView.FacetCodes? in
                guard let codes = classification.codes[facet.key], !codes.isEmpty else { return nil }
                return CasePageView.FacetCodes(
                    facet: words.facet(facet.key), codes: codes.map { words.code($0, of: facet.key) }.joined(separator: ", "))
            }
        }
        let parties = (view.sheet.parties ?? []).filter { full || $0.shareable == true }
            .map { CasePageView.Party(name: $0.name, role: language["party_role_\($0.role.rawValue)"]) }
        let documents = view.sheet.documents.map { document in
            CaseFileView.Document(
                type: words.document(document.type), party: party(document.counterpart), signedOn: time.day(document.signedOn),
                revokedOn: document.revokedOn.map(time.day))
        }
        let interventions = view.sheet.interventions.map {
            CaseFileView.Intervention(label: words.intervention($0.code), party: party($0.counterpart), on: time.day($0.on))
        }
        let contacts = view.timeline.compactMap(\.contact).map { contact in
            CaseFileView.Contact(
                on: time.day(contact.on), minutes: String(contact.minutes), mode: language["contact_mode_\(contact.mode.rawValue)"],
                with: full ? contact.with : nil)
        }
        let deadlines = view.deadlines.filter(\.isLegal).map {
            CaseFileView.Deadline(
                label: words.deadline($0.rule), due: time.day($0.due), state: language["deadline_state_\($0.state.rawValue)"])
        }
        let notes = view.timeline.filter { $0.kind == .note && (full || $0.shareable == true) }
            .map { CaseFileView.Note(at: time.time(stamp: $0.at), text: $0.text ?? "") }
        let messages = view.messages.map {
            CaseFileView.Message(from: language["message_from_\($0.from.rawValue)"], on: time.day($0.on), text: $0.text)
        }
        let history = full ? historyValues(view, words, language, time) : nil
        return CaseFileView(
            title: "\(view.reference) – \(language["file_title_\(purpose.rawValue)"])",
            purposeTitle: language["file_title_\(purpose.rawValue)"], full: full, access: !full,
            office: officeName, reference: view.reference, caseID: view.id.hex, made: time.time(Date()),
            kind: words.kind(view.kind), step: words.step(view.step), receivedOn: time.day(view.receivedOn),
            caseTitle: full && !view.sheet.title.isEmpty ? view.sheet.title : nil,
            outcome: view.sheet.outcome.map(words.outcome),
            report: view.report.map { reportValues($0, words, time) },
            classification: classification, parties: parties, documents: documents, interventions: interventions,
            contacts: contacts, deadlines: deadlines, notes: notes, messages: messages, history: history,
            has: CaseFileView.Has(
                classification: !(classification?.isEmpty ?? true), parties: !parties.isEmpty, documents: !documents.isEmpty,
                interventions: !interventions.isEmpty, contacts: !contacts.isEmpty, deadlines: !deadlines.isEmpty,
                messages: !messages.isEmpty, notes: !notes.isEmpty, history: !(history?.isEmpty ?? true)))
    }
}
