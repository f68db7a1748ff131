import Foundation
import Members
import SichtbarCore
import Workflow

extension CaseworkService {
    /// Sets the case's legal fields by hand, or (nil) lets them follow the classification again.
    /// Audited; the history names the fields. A field every case has cannot be left out.
    public func setLegalFields(_ codes: [String]?, on id: EntityID, by session: Session) async throws {
        if let codes {
            for code in codes where policy.field(code) == nil {
                throw FieldError.invalid(
                    field: "fields", message: "'\(code)' is not a legal field: one of \(policy.fields.map(\.code).joined(separator: ", "))")
            }
            guard Set(codes).count == codes.count else { throw FieldError.invalid(field: "fields", message: "a field is named twice") }
        }
        let chosen = codes.map { own in policy.fields.map(\.code).filter { own.contains($0) && !policy.alwaysFieldCodes.contains($0) } }
        try await change(id, by: session) { sheet, row, _ in
            sheet.chosenFields = chosen
            let summary = chosen.map { $0.joined(separator: ",") } ?? "klassifizierung"
            return CaseChange(
                entries: [entry(.fields, by: session, text: summary)],
                audit: [.member(session.username, .caseFieldsSet, "\(row.id.hex) \(summary)", at: now())])
        }
    }

    /// Refuses an event whose every deadline rule belongs to a field the case is not in, naming
    /// the event's fields and the case's: recording it would start nothing, or the wrong thing.
    func checkField(ofEvent code: String, in sheet: CaseSheet) throws {
        let own = policy.fields(ofEvent: code)
        let fields = sheet.legalFields(policy)
        guard own.isEmpty || !own.isDisjoint(with: fields) else {
            throw WorkflowRejection.fieldMismatch(
                code: code, fields: policy.fields.map(\.code).filter(own.contains),
                caseFields: policy.fields.map(\.code).filter(fields.contains))
        }
    }
}

extension CaseworkService {
    /// Marks an overdue legal deadline *versäumt*, with the reason: it leaves the due lists and
    /// shows as missed, instead of staying "überfällig" for ever. Only a deadline whose end has
    /// passed unmet can be missed; a later start of the same rule is a deadline of its own.
    /// Audited; the history keeps the reason.
    public func markMissed(rule: String, reason: String, on id: EntityID, by session: Session) async throws {
        let reason = try CaseInput.text(reason, field: "reason", limit: 500)
        guard policy.deadlines.contains(where: { $0.code == rule }) else {
            throw FieldError.invalid(field: "rule", message: "'\(rule)' is not a deadline of the workflow policy")
        }
        guard policy.isLegalRule(rule) else {
            throw FieldError.invalid(
                field: "rule", message: "'\(rule)' is the office's own standard, not a legal deadline: it is met, not missed")
        }
        try await change(id, by: session) { sheet, row, _ in
            let today = Day(now())
            let current = deadlines.deadlines(
                events: allEvents(sheet, row: row), manual: sheet.manualDeadlines, missed: sheet.missed ?? [],
                fields: sheet.legalFields(policy), today: today
            ).first { $0.rule == rule }
            guard let current, let start = current.start, current.state == .overdue else {
                throw FieldError.invalid(
                    field: "rule",
                    message:
                        "only a legal deadline whose end has passed unmet can be marked missed; '\(rule)' is \(current?.state.rawValue ?? "not running in this case")"
                )
            }
            sheet.missed =
                (sheet.missed ?? []) + [MissedDeadline(rule: rule, start: start, reason: reason, by: session.username, on: today)]
            var recorded = entry(.deadlineMissed, by: session, text: reason)
            recorded.deadline = ManualDeadline(rule: rule, label: "", due: current.due, reason: reason)
            return CaseChange(
                entries: [recorded], audit: [.member(session.username, .caseDeadlineMissed, "\(row.id.hex) \(rule)", at: now())])
        }
    }
}
