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

    func caseFileValues(_ view: CaseView, purpose: CaseFilePurpose, officeName: String, _ language: Catalogue) -> [String: Any] {
        let words = labels(language)
        let time = PageTime(language: language.code)
        let full = purpose == .akte
        let shareable = Set((view.sheet.parties ?? []).filter { full || $0.shareable == true }.map { CaseDocument.normalised($0.name) })
        func party(_ name: String?) -> String? {
            guard let name else { return nil }
            return shareable.contains(CaseDocument.normalised(name)) ? name : language["file_third_party"]
        }
        var values: [String: Any] = [
            "title": "\(view.reference) – \(language["file_title_\(purpose.rawValue)"])",
            "purposeTitle": language["file_title_\(purpose.rawValue)"], "full": full, "access": !full,
            "office": officeName, "reference": view.reference, "caseID": view.id.hex, "made": time.time(Date()),
            "kind": words.kind(view.kind), "step": words.step(view.step), "receivedOn": time.day(view.receivedOn),
        ]
        // Absent values stay out of the dictionary: an empty string would still show its label.
        if full && !view.sheet.title.isEmpty { values["caseTitle"] = view.sheet.title }
        if let outcome = view.sheet.outcome { values["outcome"] = words.outcome(outcome) }
        if let report = view.report { values["report"] = reportValues(report, words, time) }
        if let classification = view.counsellorClassification {
            values["classification"] = casework.taxonomy.facets.compactMap { facet -> [String: String]? in
                guard let codes = classification.codes[facet.key], !codes.isEmpty else { return nil }
                return ["facet": words.facet(facet.key), "codes": codes.map { words.code($0, of: facet.key) }.joined(separator: ", ")]
            }
        }
        values["parties"] = (view.sheet.parties ?? []).filter { full || $0.shareable == true }
            .map { ["name": $0.name, "role": language["party_role_\($0.role.rawValue)"]] }
        values["documents"] = view.sheet.documents.map { document -> [String: Any] in
            present([
                "type": words.document(document.type), "party": party(document.counterpart), "signedOn": time.day(document.signedOn),
                "revokedOn": document.revokedOn.map(time.day),
            ])
        }
        values["interventions"] = view.sheet.interventions.map {
            present(["label": words.intervention($0.code), "party": party($0.counterpart), "on": time.day($0.on)])
        }
        values["contacts"] = view.timeline.compactMap(\.contact).map { contact -> [String: Any] in
            present([
                "on": time.day(contact.on), "minutes": String(contact.minutes), "mode": language["contact_mode_\(contact.mode.rawValue)"],
                "with": full ? contact.with : nil,
            ])
        }
        values["deadlines"] = view.deadlines.filter(\.isLegal).map {
            ["label": words.deadline($0.rule), "due": time.day($0.due), "state": language["deadline_state_\($0.state.rawValue)"]]
        }
        values["notes"] = view.timeline.filter { $0.kind == .note && (full || $0.shareable == true) }
            .map { ["at": time.time(stamp: $0.at), "text": $0.text ?? ""] }
        values["messages"] = view.messages.map {
            ["from": language["message_from_\($0.from.rawValue)"], "on": time.day($0.on), "text": $0.text]
        }
        if full { values["history"] = historyValues(view, words, language, time) }
        var has: [String: Bool] = [:]
        for key in ["classification", "parties", "documents", "interventions", "contacts", "deadlines", "messages", "notes", "history"] {
            has[key] = !((values[key] as? [Any])?.isEmpty ?? true)
        }
        values["has"] = has
        return values
    }
}
