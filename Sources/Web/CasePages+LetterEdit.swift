import Casework
import Foundation
import Hummingbird
import Members
import SichtbarCore

extension CasePages {
    /// A draft letter as editable text, to be saved as the letter that was sent.
    @Sendable func letterEdit(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await sealedObjectPage(request, context, "letter") { session, id, letterID in
            let language = base.pages.memberLanguage(of: request)
            let letter = try await casework.letter(letterID, in: id, by: session)
            guard letter.sentOn == nil else { return base.redirect("/cases/\(id.hex)/letters/\(letterID.hex)", language) }
            return renderLetterEdit(
                session: session, language: language, caseID: id, letterID: letterID, template: letter.template,
                text: LetterText.plain(letter.html), sentOn: Day(Date()).iso)
        }
    }

    func renderLetterEdit(
        session: Session, language: Catalogue, caseID: EntityID, letterID: EntityID, template: String, text: String,
        sentOn: String, error: String? = nil
    ) -> Response {
        base.render(
            "letter_edit", status: error == nil ? .ok : .unprocessableContent, language: language, path: "/cases/\(caseID.hex)",
            session: session,
            page: LetterEditView(
                title: language["letter_edit_title"], caseID: caseID.hex, letterID: letterID.hex,
                template: language.strings["letter_template_\(template)"] ?? template, text: text, sentOn: sentOn,
                today: Day(Date()).iso, error: error))
    }

    /// Saves the edited text as the sent letter; a refusal shows the form again with the text as typed.
    @Sendable func letterSend(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await base.memberForm(request, context) { session, language, form in
            guard let id = CaseAPI.pathID(context), let letterID = CaseAPI.pathID(context, "letter") else { throw AccessError.notFound }
            let text = form["text"] ?? ""
            let sentOn = MemberPages.trimmed(form, "sentOn")
            do {
                guard let day = Day(iso: sentOn) else {
                    throw FieldError.invalid(field: "sentOn", message: "a date (YYYY-MM-DD) is needed")
                }
                let sent = try await casework.sendLetter(letterID, text: text, sentOn: day, in: id, by: session)
                return base.redirect("/cases/\(id.hex)/letters/\(sent.hex)", language)
            } catch let refusal as FieldError {
                let (field, message) = (refusal.field, refusal.message)
                let template = (try? await casework.letter(letterID, in: id, by: session))?.template ?? ""
                return renderLetterEdit(
                    session: session, language: language, caseID: id, letterID: letterID, template: template, text: text,
                    sentOn: sentOn, error: "\(language["case_refused"]) \(fieldLabel(field, language)): \(message)")
            }
        }
    }
}
