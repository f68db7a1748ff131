import Casework
import Workflow

extension CasePages {
    /// The case's parties, and the choices the forms offer for "whom it concerns": a document
    /// and an intervention name a party from this list, never free text. `posted` refills a
    /// refused form with what was sent, so the counsellor does not type it again.
    func partyValues(_ sheet: CaseSheet, _ language: Catalogue, posted: FormFields?, postedForm: String?) -> CasePageView.PartiesPart {
        let parties = sheet.parties ?? []
        // What a refused form sent; else, when the case has one other side, that one.
        let others = parties.filter { $0.role == .gegenseite }
        let chosen = posted?["counterpart"].flatMap { sheet.party($0)?.id } ?? (others.count == 1 ? others.first?.id : nil)
        func choices(for form: String) -> [CaseFormChoice] {
            parties.map {
                CaseFormChoice(value: $0.id.hex, label: $0.name, selected: (postedForm == nil || postedForm == form) && $0.id == chosen)
            }
        }
        // A refused document form comes back with its choices as sent.
        let refill = postedForm == "document" ? posted : nil
        let words = labels(language)
        let scope = refill?.all("scope") ?? []
        return CasePageView.PartiesPart(
            parties: parties.map { CasePageView.Party(name: $0.name, role: language["party_role_\($0.role.rawValue)"]) },
            anyParties: !parties.isEmpty,
            partyRoles: CaseParty.Role.allCases.map { CaseFormChoice(value: $0.rawValue, label: language["party_role_\($0.rawValue)"]) },
            documentParties: choices(for: "document"),
            transitionParties: choices(for: "transition"),
            postedDocument: refill.map { CasePageView.PostedDocument(signedOn: $0["signedOn"] ?? "", note: $0["note"] ?? "") },
            documentTypes: refill.map { posted in
                casework.policy.documents.map {
                    CaseFormChoice(value: $0.code, label: words.document($0.code), selected: $0.code == posted["type"])
                }
            },
            interventionChoices: refill.map { _ in
                casework.policy.interventions.map {
                    CaseFormChoice(value: $0.code, label: words.intervention($0.code), checked: scope.contains($0.code))
                }
            },
            scopeAll: scope.contains(CaseDocument.everyIntervention))
    }
}
