import Foundation

extension CaseworkService {
    /// Sets the case's legal fields by hand, or (nil) lets them follow the classification again.
    /// Audited; the history names the fields. A field every case has cannot be left out.
    public func setLegalFields(_ codes: [String]?, on id: EntityID, by session: Session) async throws {
        if let codes {
            for code in codes where policy.field(code) == nil {
                throw AccessError.invalid(field: "fields", message: "'\(code)' is not a legal field: one of \(policy.fields.map(\.code).joined(separator: ", "))")
            }
            guard Set(codes).count == codes.count else { throw AccessError.invalid(field: "fields", message: "a field is named twice") }
        }
        let chosen = codes.map { own in policy.fields.map(\.code).filter { own.contains($0) && !policy.alwaysFieldCodes.contains($0) } }
        try await change(id, by: session) { sheet, row, _ in
            sheet.chosenFields = chosen
            let summary = chosen.map { $0.joined(separator: ",") } ?? "klassifizierung"
            return CaseChange(entries: [entry(.fields, by: session, text: summary)],
                              audit: [.member(session.username, .caseFieldsSet, "\(row.id.hex) \(summary)", at: now())])
        }
    }

    /// Refuses an event whose every deadline rule belongs to a field the case is not in, naming
    /// the event's fields and the case's: recording it would start nothing, or the wrong thing.
    func checkField(ofEvent code: String, in sheet: CaseSheet) throws {
        let own = policy.fields(ofEvent: code)
        let fields = sheet.legalFields(policy)
        guard own.isEmpty || !own.isDisjoint(with: fields) else {
            throw WorkflowRejection.fieldMismatch(code: code, fields: policy.fields.map(\.code).filter(own.contains),
                                                  caseFields: policy.fields.map(\.code).filter(fields.contains))
        }
    }
}
