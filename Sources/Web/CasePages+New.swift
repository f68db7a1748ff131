import Casework
import Foundation
import Hummingbird
import Members
import SichtbarCore

extension CasePages {
    static let newCaseKinds = ["meldung", "beratungsfall", "organisationsberatung"]

    @Sendable func newCaseForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await base.memberPage(request, context) { session, language in
            guard session.worksCases else { throw AccessError.notFound }
            return newCasePage(session, language)
        }
    }

    func newCasePage(
        _ session: Session, _ language: Catalogue, status: HTTPResponse.Status = .ok, error: String? = nil,
        form: FormFields? = nil
    ) -> Response {
        let words = labels(language)
        func kept(_ name: String) -> String { form.map { MemberPages.trimmed($0, name) } ?? "" }
        let kind = kept("kind").isEmpty ? "beratungsfall" : kept("kind")
        return base.render(
            "case_new", status: status, language: language, path: "/cases/new", session: session,
            page: NewCaseView(
                title: language["case_new_title"], error: error,
                kinds: Self.newCaseKinds.map { CaseFormChoice(value: $0, label: words.kind($0), selected: $0 == kind) },
                channels: channelChoices(words, selected: kept("channel").isEmpty ? "telefon" : kept("channel")),
                modes: ContactLogEntry.Mode.allCases.map {
                    CaseFormChoice(
                        value: $0.rawValue, label: language["contact_mode_\($0.rawValue)"], selected: $0.rawValue == kept("contact-mode"))
                },
                interpretings: ContactLogEntry.Interpreting.allCases.map {
                    CaseFormChoice(
                        value: $0.rawValue, label: language["interpreting_\($0.rawValue)"],
                        selected: $0.rawValue == kept("contact-interpreting"))
                },
                today: Day(Date()).iso,
                kept: NewCaseView.Kept(
                    title: kept("title"), person: kept("person"), minor: kept("minor") == "yes", with: kept("contact-with"),
                    minutes: kept("contact-minutes"), language: kept("contact-language"), note: kept("note"))))
    }

    /// Records a phone, walk-in, mail or e-mail case; the first contact is logged with it when
    /// its minutes are given. Refused input shows the form again, filled in, with the reason.
    @Sendable func createCase(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await base.memberForm(request, context) { session, language, form in
            guard session.worksCases else { throw AccessError.notFound }
            func text(_ field: String) -> String { MemberPages.trimmed(form, field) }
            do {
                let person = text("person")
                let contact = text("contact-minutes").isEmpty ? nil : try contact(form, prefix: "contact-")
                let id = try await casework.create(
                    NewCaseInput(
                        kind: text("kind"), channel: text("channel"), title: text("title"),
                        persons: person.isEmpty ? [] : [AffectedPerson(label: person, minor: text("minor") == "yes")],
                        contact: contact, note: text("note").isEmpty ? nil : text("note")), by: session)
                return base.redirect("/cases/\(id.hex)", language, done: "case_created")
            } catch let refusal as FieldError {
                let (field, message) = (refusal.field, refusal.message)
                return newCasePage(
                    session, language, status: .unprocessableContent,
                    error: "\(language["case_refused"]) \(fieldLabel(field, language)): \(message)", form: form)
            }
        }
    }

    /// Counts a Kontakt ohne Akte: month, channel, and if given the ground and where the person
    /// was referred to. Nothing else is kept, so there is nothing to open later.
    @Sendable func countTally(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await base.memberForm(request, context) { session, language, form in
            guard session.worksCases else { throw AccessError.notFound }
            func optional(_ field: String) -> String? {
                let value = MemberPages.trimmed(form, field)
                return value.isEmpty ? nil : value
            }
            do {
                try await casework.recordTally(
                    channel: MemberPages.trimmed(form, "channel"), ground: optional("ground"),
                    referral: optional("referral"), by: session)
            } catch is FieldError {
                // The tally form offers only choices; a refusal means a hand-made request.
                return base.notice(language, "member_invalid", status: .unprocessableContent, link: ("/cases", "cases_back"))
            }
            return base.redirect("/cases", language, done: "tally")
        }
    }
}
