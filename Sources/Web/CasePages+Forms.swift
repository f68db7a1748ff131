import Casework
import Foundation
import Hummingbird
import Members
import SichtbarCore
import Workflow

extension CasePages {
    /// A form of the case page. Done: back to the case (303) with a fixed confirmation. Refused
    /// input (422) or a refused transition (409): the case page again with the reason on top;
    /// nothing was stored.
    @Sendable func caseForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await base.memberForm(request, context) { session, language, form in
            guard let id = CaseAPI.pathID(context),
                let name = context.parameters.get("form"), Self.forms.contains(name)
            else { throw AccessError.notFound }
            do {
                if name == "letter" {
                    let letter = try await casework.generateLetter(template: MemberPages.trimmed(form, "template"), for: id, by: session)
                    return base.redirect("/cases/\(id.hex)/letters/\(letter.hex)", language)
                }
                try await apply(name, form, to: id, by: session)
            } catch let refusal as FieldError {
                let (field, message) = (refusal.field, refusal.message)
                let text = "\(language["case_refused"]) \(fieldLabel(field, language)): \(message)"
                return try await renderCase(
                    id, session: session, language: language, status: .unprocessableContent, error: text,
                    posted: form, postedForm: name)
            } catch let rejection as WorkflowRejection {
                let status: HTTPResponse.Status = if case .invalidInput = rejection { .unprocessableContent } else { .conflict }
                return try await renderCase(
                    id, session: session, language: language, status: status,
                    error: rejectionText(rejection, language), posted: form, postedForm: name)
            }
            if name == "transition", form["to"] == "geloescht" { return base.redirect("/cases", language, done: "shredded") }
            if name == "deadline-missed", form["back"] == "deadlines" {
                return base.redirect("/deadlines", language, done: "deadline_missed")
            }
            return base.redirect("/cases/\(id.hex)", language, done: "case_\(name)")
        }
    }

    func fieldLabel(_ field: String, _ language: Catalogue) -> String {
        language.strings["field_\(field)"] ?? labels(language).facet(field)
    }

    /// Refusals of the workflow in the page's language, naming the rule, the step or the document.
    func rejectionText(_ rejection: WorkflowRejection, _ language: Catalogue) -> String {
        let words = labels(language)
        switch rejection {
        case .staleStep(let current):
            return language["rejection_stale_step"].replacingOccurrences(of: "{step}", with: words.step(current))
        case .transitionForbidden(let rule):
            return language["rejection_transition_forbidden"].replacingOccurrences(of: "{rule}", with: rule)
        case .documentMissing(let document, let intervention, let counterpart):
            return language["rejection_document_missing"].replacingOccurrences(of: "{document}", with: words.document(document))
                .replacingOccurrences(of: "{intervention}", with: words.intervention(intervention))
                .replacingOccurrences(of: "{counterpart}", with: counterpart ?? "–")
        case .documentUnfit(let document, let intervention, let counterpart, let mismatches):
            let time = PageTime(language: language.code)
            let found = mismatches.map { mismatch -> String in
                let reasons = mismatch.reasons.map { reason -> String in
                    switch reason {
                    case .otherParty(let name?): language.text("unfit_other_party", ["party": name])
                    case .otherParty(nil): language["unfit_no_party"]
                    case .notInScope: language["unfit_scope"]
                    case .revoked(let day): language.text("unfit_revoked", ["day": time.day(day)])
                    case .signedLater(let day): language.text("unfit_signed_later", ["day": time.day(day)])
                    }
                }
                return language.text(
                    "unfit_document",
                    [
                        "document": words.document(mismatch.type), "day": time.day(mismatch.signedOn),
                        "party": mismatch.counterpart ?? "–",
                    ]) + " " + reasons.joined(separator: ", ")
            }
            return language.text(
                "rejection_document_unfit",
                [
                    "intervention": words.intervention(intervention), "counterpart": counterpart ?? "–",
                    "document": words.document(document),
                ]) + " " + found.joined(separator: "; ")
        case .invalidInput(let refusal):
            return "\(language["case_refused"]) \(fieldLabel(refusal.field, language)): \(refusal.message)"
        case .fieldMismatch(let code, let fields, let caseFields):
            let name = casework.policy.event(code) != nil ? words.event(code) : words.deadline(code)
            return language.text(
                "rejection_field_mismatch",
                [
                    "item": name,
                    "fields": fields.map { words.field($0) }.joined(separator: language["or"]),
                    "case_fields": caseFields.map { words.field($0) }.joined(separator: ", "),
                ])
        }
    }

    /// Turns one posted form into one call of the casework service.
    func apply(_ name: String, _ form: FormFields, to id: EntityID, by session: Session) async throws {
        func text(_ field: String) -> String { MemberPages.trimmed(form, field) }
        func optional(_ field: String) -> String? { text(field).isEmpty ? nil : text(field) }
        func day(_ field: String) throws -> Day {
            guard let day = Day(iso: text(field)) else { throw FieldError.invalid(field: field, message: "a date (YYYY-MM-DD) is needed") }
            return day
        }
        func entity(_ field: String) throws -> EntityID {
            guard let value = EntityID(hex: text(field)) else { throw FieldError.invalid(field: field, message: "unknown") }
            return value
        }
        switch name {
        case "transition":
            try await casework.transition(
                id,
                TransitionRequest(
                    from: text("from"), to: text("to"), intervention: optional("intervention"),
                    counterpart: optional("counterpart"), outcome: optional("outcome"),
                    reason: optional("reason"), requester: optional("requester"),
                    confirmed: form["confirm"] == "yes" ? true : nil), by: session)
        case "note": try await casework.addNote(text("text"), shareable: form["shareable"] == "yes", to: id, by: session)
        case "message": try await casework.sendMessage(text("text"), to: id, by: session)
        case "contact": try await casework.addContact(try contact(form), to: id, by: session)
        case "document":
            try await casework.addDocument(
                DocumentInput(
                    type: text("type"), scope: form.all("scope"), counterpart: optional("counterpart"),
                    signedOn: try day("signedOn"), note: optional("note")), to: id, by: session)
        case "revocation": try await casework.revokeDocument(try entity("document"), on: try day("on"), in: id, by: session)
        case "event": try await casework.recordEvent(text("event"), on: try day("on"), to: id, by: session)
        case "deadline":
            try await casework.setDeadline(
                rule: optional("rule"), label: text("label"), due: try day("due"), reason: optional("reason"),
                owner: optional("owner"), on: id, by: session)
        case "deadline-done": try await casework.completeDeadline(try entity("deadline"), on: id, by: session)
        case "reporter-read": try await casework.markReporterRead(id, by: session)
        case "legal-hold": try await casework.setLegalHold(id, hold: form["hold"] == "on", by: session)
        case "deadline-missed": try await casework.markMissed(rule: text("rule"), reason: text("reason"), on: id, by: session)
        case "party":
            guard let role = CaseParty.Role(rawValue: text("role")) else { throw FieldError.invalid(field: "role", message: "unknown") }
            try await casework.addParty(name: text("name"), role: role, shareable: form["shareable"] == "yes", to: id, by: session)
        case "fields":
            try await casework.setLegalFields(form["follow"] == "yes" ? nil : form.all("fields"), on: id, by: session)
        case "classification":
            var codes: [String: [String]] = [:]
            for facet in casework.taxonomy.facets where facet.key != "channel" {
                codes[facet.key] = form.all(facet.key).filter { !$0.isEmpty }
            }
            try await casework.classify(id, codes: codes, flags: form.all("flags"), region: optional("region"), by: session)
        case "assignees":
            let staff = try await casework.staff(for: session)
            let chosen = staff.compactMap { username -> (username: String, role: CaseAssignment.Role)? in
                form["role-\(username)"].flatMap(CaseAssignment.Role.init(rawValue:)).map { (username, $0) }
            }
            try await casework.assign(chosen, to: id, by: session)
        case "description":
            let persons = (0..<20).compactMap { index -> AffectedPerson? in
                let label = text("person-\(index)")
                return label.isEmpty ? nil : AffectedPerson(label: label, minor: form["minor-\(index)"] == "yes")
            }
            try await casework.describe(title: text("title"), persons: persons, on: id, by: session)
        default: throw AccessError.notFound
        }
    }

    /// A contact of the contact log from the form's fields (shared by the case page and the new-case form).
    func contact(_ form: FormFields, prefix: String = "") throws -> ContactLogEntry {
        func text(_ field: String) -> String { MemberPages.trimmed(form, prefix + field) }
        guard let on = Day(iso: text("on")) else { throw FieldError.invalid(field: "on", message: "a date (YYYY-MM-DD) is needed") }
        guard let minutes = Int(text("minutes")) else { throw FieldError.invalid(field: "minutes", message: "minutes as a whole number") }
        guard let mode = ContactLogEntry.Mode(rawValue: text("mode")) else {
            throw FieldError.invalid(field: "mode", message: "choose how")
        }
        guard let interpreting = ContactLogEntry.Interpreting(rawValue: text("interpreting")) else {
            throw FieldError.invalid(field: "interpreting", message: "choose the interpreting")
        }
        return ContactLogEntry(
            on: on, minutes: minutes, mode: mode, with: text("with"), interpreting: interpreting,
            language: text("language").isEmpty ? nil : text("language"), note: text("note").isEmpty ? nil : text("note"))
    }
}
