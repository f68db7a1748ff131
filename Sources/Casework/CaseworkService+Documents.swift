import Foundation
import Members
import Sealing
import SichtbarCore
import Workflow

extension CaseworkService {
    /// Files a document (Vollmacht, Schweigepflichtentbindung, Einwilligung …) with its scope,
    /// counterpart and date; the workflow's gates read it from the sheet.
    @discardableResult
    public func addDocument(_ input: DocumentInput, to id: EntityID, by session: Session) async throws -> EntityID {
        guard let type = policy.document(input.type) else {
            throw FieldError.invalid(
                field: "type",
                message: "'\(input.type)' is not a document type: one of \(policy.documents.map(\.code).joined(separator: ", "))")
        }
        guard !input.scope.isEmpty else {
            throw FieldError.invalid(field: "scope", message: "name the interventions the document covers, or 'alle'")
        }
        for code in input.scope where code != CaseDocument.everyIntervention && policy.intervention(code) == nil {
            throw FieldError.invalid(field: "scope", message: "'\(code)' is not an intervention of the workflow policy")
        }
        guard input.signedOn <= Day(now()) else {
            throw FieldError.invalid(field: "signedOn", message: "the document cannot be signed in the future")
        }
        let note = try input.note.map { try CaseInput.text($0, field: "note", limit: 5_000, allowEmpty: true) }
        let documentID = EntityID.random()
        try await change(id, by: session) { sheet, row, _ in
            // Whom it concerns is a party of the case, chosen from its list: never free text that
            // an intervention might spell differently.
            let counterpart = type.namesCounterpart ? try party(named: input.counterpart, in: sheet, field: "counterpart").name : nil
            let document = CaseDocument(
                id: documentID, type: input.type, scope: input.scope, counterpart: counterpart, signedOn: input.signedOn)
            sheet.documents.append(document)
            var filed = entry(.document, by: session, text: note.flatMap { $0.isEmpty ? nil : $0 })
            filed.document = document
            return CaseChange(
                entries: [filed], audit: [.member(session.username, .caseDocumentRecorded, "\(row.id.hex) \(input.type)", at: now())])
        }
        return documentID
    }

    /// Records that a document was revoked on `day`: from then on it opens no gate.
    public func revokeDocument(_ documentID: EntityID, on day: Day, in id: EntityID, by session: Session) async throws {
        guard day <= Day(now()) else { throw FieldError.invalid(field: "on", message: "a revocation cannot lie in the future") }
        try await change(id, by: session) { sheet, row, _ in
            guard let index = sheet.documents.firstIndex(where: { $0.id == documentID }) else {
                throw FieldError.invalid(field: "document", message: "the case has no such document")
            }
            guard sheet.documents[index].revokedOn == nil else {
                throw FieldError.invalid(field: "document", message: "the document is already revoked")
            }
            sheet.documents[index].revokedOn = day
            var revoked = entry(.documentRevoked, by: session)
            revoked.document = sheet.documents[index]
            return CaseChange(
                entries: [revoked],
                audit: [.member(session.username, .caseDocumentRevoked, "\(row.id.hex) \(sheet.documents[index].type)", at: now())])
        }
    }
}
