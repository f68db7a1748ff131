import Foundation
import SichtbarCore

/// Checks of what counsellors type, each refusal naming the field: a clear 422, nothing stored.
enum CaseInput {
    /// Trimmed text of at most `limit` characters, without control characters other than line breaks and tabs.
    static func text(_ text: String, field: String, limit: Int, allowEmpty: Bool = false) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty && !allowEmpty { throw FieldError.invalid(field: field, message: "\(field) is empty") }
        // Counted as the API contract's maxLength counts (JSON Schema: Unicode code points of the
        // text as sent, before trimming); schemathesis found a name the contract refuses taken.
        guard text.unicodeScalars.count <= limit else {
            throw FieldError.invalid(field: field, message: "\(field) is longer than \(limit) characters")
        }
        let allowed: Set<Unicode.Scalar> = ["\n", "\r", "\t"]
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !allowed.contains($0) }) else {
            throw FieldError.invalid(field: field, message: "\(field) contains control characters")
        }
        return trimmed
    }

    static func check(_ contact: ContactLogEntry, today: Day) throws {
        guard contact.on <= today else { throw FieldError.invalid(field: "on", message: "a contact cannot lie in the future") }
        guard (1...1440).contains(contact.minutes) else {
            throw FieldError.invalid(field: "minutes", message: "minutes must be from 1 to 1440")
        }
        _ = try text(contact.with, field: "with", limit: 200)
        if let note = contact.note { _ = try text(note, field: "note", limit: 20_000, allowEmpty: true) }
        if contact.interpreting == .lautsprache {
            guard let language = contact.language, !language.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw FieldError.invalid(field: "language", message: "name the language interpreted")
            }
            _ = try text(language, field: "language", limit: 60)
        }
    }
}
