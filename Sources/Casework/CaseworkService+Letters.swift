import Foundation
import Intake
import Members
import Sealing
import SichtbarCore

extension CaseworkService {
    /// Generates a letter from a template of `Templates/letters/` with what the case, the office
    /// and the session know, seals the rendered HTML under the case key as its own record, and
    /// adds it to the timeline. The audit trail names the case and the template only.
    @discardableResult
    public func generateLetter(template: String, for id: EntityID, by session: Session) async throws -> EntityID {
        guard let letters, letters.templates.contains(template) else {
            let known = letters?.templates.joined(separator: ", ") ?? ""
            throw FieldError.invalid(
                field: "template",
                message: known.isEmpty
                    ? "no letter templates are loaded"
                    : "not a letter template: one of \(known)")
        }
        let opened = try await openVerified(id, for: session)
        let (row, keys) = (opened.row, opened.keys)
        let report = try opened.records.first { $0.kind == .report }.map {
            try RecordCodec.open($0, as: ReportContent.self, key: keys.mailboxKey)
        }
        let office = try await members.store.office(id: row.officeID)
        let recordID = EntityID.random()
        try await change(id, by: session) { sheet, row, keys in
            let values = letterValues(sheet: sheet, row: row, office: office, report: report, session: session)
            guard let html = letters.compose(template, values: values) else {
                throw FieldError.invalid(field: "template", message: "the template could not be rendered")
            }
            let at = AuditEvent.timestamp(now())
            let record = try RecordCodec.seal(
                StoredLetter(template: template, html: html, at: at), kind: .letter, caseID: row.id,
                key: keys.caseKey, recordID: recordID)
            var generated = entry(.letter, by: session, text: template)
            generated.recordID = recordID
            return CaseChange(
                entries: [generated], records: [record],
                audit: [.member(session.username, .caseLetterGenerated, "\(row.id.hex) \(template)", at: now())])
        }
        return recordID
    }

    /// A letter stored with the case; reading it is audited like opening a scan (the case only).
    public func letter(_ recordID: EntityID, in id: EntityID, by session: Session) async throws -> StoredLetter {
        let opened = try await openVerified(id, for: session)
        let (row, keys) = (opened.row, opened.keys)
        guard opened.records.contains(where: { $0.id == recordID && $0.kind == .letter }),
            let record = try await store.record(id: recordID, caseID: row.id, officeID: row.officeID), record.kind == .letter
        else {
            throw AccessError.notFound
        }
        let letter: StoredLetter
        do { letter = try RecordCodec.open(record, as: StoredLetter.self, key: keys.caseKey) } catch SealingError.authenticationFailed {
            throw await integrityAlarm(row.id, session: session)
        }
        try await members.record(session, .caseLetterViewed, row.id.hex)
        return letter
    }

    /// The values of a letter. Anything unknown stays nil, so its placeholder shows.
    func letterValues(sheet: CaseSheet, row: CaseFileRow, office: Office?, report: ReportContent?, session: Session) -> LetterValues {
        func known(_ text: String?) -> String? {
            guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
            return trimmed
        }
        let today = Day(now())
        let intervention = sheet.interventions.last { known($0.counterpart) != nil }?.counterpart
        let document = sheet.documents.enumerated()
            .filter { $0.element.isInForce(on: today) && known($0.element.counterpart) != nil }
            .max { ($0.element.signedOn, $0.offset) < ($1.element.signedOn, $1.offset) }?.element.counterpart
        let profile = office?.profile
        let own = sheet.legalFields(policy).subtracting(policy.alwaysFieldCodes)
        var values = LetterValues(
            officeName: office?.name ?? "", officeAddress: known(profile?.address), officePhone: known(profile?.phone),
            officeEmail: known(profile?.email), date: today.germanLong, place: known(profile?.city),
            reference: CaseReference.of(row.id), counterpart: known(intervention ?? document),
            person: known(sheet.persons.first?.label), counsellor: session.username,
            incidentDate: report?.incidentDate?.germanLong)
        // Only the paragraphs of the case's legal field are offered (a housing case gets § 19 AGG, not § 7).
        values.legalFields = own.isEmpty || sheet.chosenFields == nil && sheet.classifiedFields == nil ? nil : own.sorted()
        return values
    }
}

extension CaseworkService {
    /// Saves a draft as the letter that was sent: the counsellor's final text, with the day it
    /// went out, sealed as a record of its own that nothing changes afterwards. A text that still
    /// holds a `[[ … ]]` placeholder is refused, naming it: a letter with one must not go out.
    @discardableResult
    public func sendLetter(_ draftID: EntityID, text: String, sentOn: Day, in id: EntityID, by session: Session) async throws -> EntityID {
        let text = try CaseInput.text(text, field: "text", limit: 50_000)
        if let open = text.range(of: "[["), let close = text.range(of: "]]", range: open.upperBound..<text.endIndex) {
            let placeholder = text[open.lowerBound..<close.upperBound].prefix(120)
            throw FieldError.invalid(field: "text", message: "a placeholder is still in the letter: \(placeholder)")
        }
        guard sentOn <= Day(now()) else { throw FieldError.invalid(field: "sentOn", message: "a letter cannot be sent in the future") }
        let draft = try await letter(draftID, in: id, by: session)
        guard draft.sentOn == nil else {
            throw FieldError.invalid(field: "letter", message: "this letter was sent already and stays as it was")
        }
        let recordID = EntityID.random()
        try await change(id, by: session) { _, row, keys in
            let sent = StoredLetter(template: draft.template, html: Self.letterHTML(text), at: AuditEvent.timestamp(now()), sentOn: sentOn)
            let record = try RecordCodec.seal(sent, kind: .letter, caseID: row.id, key: keys.caseKey, recordID: recordID)
            var logged = entry(.letterSent, by: session, text: draft.template)
            logged.recordID = recordID
            logged.sentOn = sentOn
            return CaseChange(
                entries: [logged], records: [record],
                audit: [.member(session.username, .caseLetterSent, "\(row.id.hex) \(draft.template)", at: now())])
        }
        return recordID
    }

    /// The letter's text as HTML: a blank line ends a paragraph, a line break stays one; every
    /// character escaped, so the text is only ever text.
    static func letterHTML(_ text: String) -> String {
        func escaped(_ line: Substring) -> String {
            line.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        let paragraphs = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .newlines) }.filter { !$0.isEmpty }
        return "<article class=\"letter sent\" lang=\"de\">\n"
            + paragraphs.map { paragraph in
                "<p>" + paragraph.split(separator: "\n", omittingEmptySubsequences: false).map(escaped).joined(separator: "<br>") + "</p>"
            }.joined(separator: "\n") + "\n</article>"
    }
}
