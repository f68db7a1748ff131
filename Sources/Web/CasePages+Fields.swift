import Casework

extension CasePages {
    /// The case's legal fields as read (and where they come from), the form to set them, and
    /// the events and deadline rules those fields allow: a housing case is offered no
    /// employment-court event.
    func fieldValues(_ sheet: CaseSheet, _ words: PolicyLabels, _ language: Catalogue) -> CasePageView.FieldsPart {
        let policy = casework.policy
        let fields = sheet.legalFields(policy)
        let source = sheet.chosenFields != nil ? "hand" : (sheet.classifiedFields != nil ? "classification" : "unset")
        let own = fields.subtracting(policy.alwaysFieldCodes)
        return CasePageView.FieldsPart(
            legalFields: CasePageView.LegalFields(
                read: policy.fields.filter { own.contains($0.code) }.map { words.field($0.code) }.joined(separator: ", "),
                always: policy.fields.filter(\.always).map { words.field($0.code) }.joined(separator: ", "),
                source: language["fields_source_\(source)"],
                unset: source == "unset",
                byHand: source == "hand",
                choices: policy.fields.filter { !$0.always }.map { field in
                    CaseFormChoice(
                        value: field.code, label: words.field(field.code), checked: sheet.chosenFields != nil && own.contains(field.code))
                }),
            eventChoices: policy.manualEvents(in: fields).map { CaseFormChoice(value: $0.code, label: words.event($0.code)) },
            rules: policy.deadlines.filter { fields.contains($0.field) }.map {
                CaseFormChoice(value: $0.code, label: words.deadline($0.code))
            })
    }
}
