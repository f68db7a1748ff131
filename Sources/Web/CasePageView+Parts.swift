extension CasePageView {
    /// The legal fields, and the events and deadline rules they allow (`CasePages.fieldValues`).
    struct FieldsPart {
        let legalFields: LegalFields
        let eventChoices: [CaseFormChoice]
        let rules: [CaseFormChoice]
    }

    /// The letters of the case and the templates to write one from (`CasePages.fileValues`).
    struct LettersPart {
        let letters: [Letter]
        let anyLetters: Bool
        let letterTemplates: [CaseFormChoice]
    }

    /// The parties and the choices naming them (`CasePages.partyValues`); after a refused
    /// document form, also that form's choices as sent.
    struct PartiesPart {
        let parties: [Party]
        let anyParties: Bool
        let partyRoles: [CaseFormChoice]
        let documentParties: [CaseFormChoice]
        let transitionParties: [CaseFormChoice]
        let postedDocument: PostedDocument?
        let documentTypes: [CaseFormChoice]?
        let interventionChoices: [CaseFormChoice]?
        let scopeAll: Bool
    }
}
