import Foundation
import Members
import SichtbarCore

extension CaseworkService {
    /// Adds a party to the case, or returns the one of that name already there (nothing
    /// changes then). Audited without the name: it stays sealed in the case.
    @discardableResult
    public func addParty(name: String, role: CaseParty.Role, shareable: Bool = false, to id: EntityID, by session: Session) async throws
        -> EntityID
    {
        let name = try CaseInput.text(name, field: "party", limit: 200)
        var result: EntityID?
        do {
            try await change(id, by: session) { sheet, row, _ in
                if let existing = sheet.party(name) {
                    result = existing.id
                    throw PartyExists()
                }
                let party = CaseParty(name: name, role: role, shareable: shareable)
                sheet.parties = (sheet.parties ?? []) + [party]
                result = party.id
                return CaseChange(
                    entries: [entry(.party, by: session, text: "\(role.rawValue):\(name)")],
                    audit: [.member(session.username, .casePartyAdded, "\(row.id.hex) \(role.rawValue)", at: now())])
            }
        } catch is PartyExists {}
        guard let result else { throw AccessError.notFound }
        return result
    }

    /// The party a form or request names for a document or an intervention: one recorded on the
    /// case. A refusal names the parties there are.
    func party(named text: String?, in sheet: CaseSheet, field: String) throws -> CaseParty {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            throw FieldError.invalid(field: field, message: "choose the party it concerns: \(partyList(sheet))")
        }
        guard let party = sheet.party(text) else {
            throw FieldError.invalid(
                field: field, message: "'\(text)' is not a party of this case (\(partyList(sheet))); add it under parties first")
        }
        return party
    }

    func partyList(_ sheet: CaseSheet) -> String {
        let names = (sheet.parties ?? []).map(\.name)
        return names.isEmpty ? "the case has no parties yet" : "parties are " + names.map { "'\($0)'" }.joined(separator: ", ")
    }
}

/// Ends a change that finds the party already there: nothing is written.
struct PartyExists: Error {}
