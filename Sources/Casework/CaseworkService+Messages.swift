import Foundation
import Intake
import Members
import Sealing
import SichtbarCore

extension CaseworkService {
    /// A message to the reporter's mailbox, sealed under the mailbox key: the reporter reads it
    /// with the receipt. Only reports that came with a mailbox can be answered this way.
    public func sendMessage(_ text: String, to id: EntityID, by session: Session) async throws {
        let text = try CaseInput.text(text, field: "text", limit: ReporterService.maxMessageCharacters)
        let (_, records) = try await load(id, for: session)
        let sequence = records.filter { $0.kind == .message }.count + 1
        try await change(id, by: session) { _, row, keys in
            guard row.hasMailbox else {
                throw FieldError.invalid(field: "text", message: "this case has no reporter mailbox (it was recorded by the office)")
            }
            let message = MailboxMessage(from: .office, text: text, on: Day(now()), sequence: sequence)
            return CaseChange(
                records: [try RecordCodec.seal(message, kind: .message, caseID: row.id, key: keys.mailboxKey)],
                audit: [.member(session.username, .caseMessageSent, row.id.hex, at: now())])
        }
    }
}
