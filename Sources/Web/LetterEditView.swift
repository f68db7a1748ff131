/// What `letter_edit.mustache` shows: a draft letter as editable text, to be saved as sent.
struct LetterEditView {
    let title: String
    let caseID: String
    let letterID: String
    let template: String
    let text: String
    let sentOn: String
    let today: String
    let error: String?
}
