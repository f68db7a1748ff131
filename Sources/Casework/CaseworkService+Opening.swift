import Foundation
import Intake
import Members
import Sealing
import SichtbarCore

extension CaseworkService {
    /// Opens a case with every record decrypted; the view is audited.
    public func open(_ id: EntityID, for session: Session) async throws -> CaseView {
        let opened = try await openVerified(id, for: session)
        let (row, keys, sheet) = (opened.row, opened.keys, opened.sheet)
        var report: ReportContent?
        var contact: String?
        var timeline: [TimelineEntry] = []
        var messages: [MailboxMessage] = []
        var files: [EntityID] = []
        do {
            for record in opened.records {
                switch record.kind {
                case .report: report = try RecordCodec.open(record, as: ReportContent.self, key: keys.mailboxKey)
                case .message: messages.append(try RecordCodec.open(record, as: MailboxMessage.self, key: keys.mailboxKey))
                case .contact: contact = try RecordCodec.open(record, as: ContactDetails.self, key: keys.caseKey).text
                case .entry: timeline.append(try RecordCodec.open(record, as: TimelineEntry.self, key: keys.caseKey))
                case .documentFile: files.append(record.id)
                case .sheet, .letter, .reporterFile: break
                }
            }
            try checkThread(messages, caseID: row.id)
        } catch SealingError.authenticationFailed {
            // A covered record whose ciphertext was changed in place: its id is right, its body is not.
            throw await integrityAlarm(row.id, session: session)
        } catch is CaseIntegrityError {
            throw await integrityAlarm(row.id, session: session)
        }
        try await members.record(session, .caseViewed, row.id.hex)
        await catchUp(opened, session: session)
        timeline.sort { ($0.at, $0.kind.rawValue) < ($1.at, $1.kind.rawValue) }
        let letters = timeline.compactMap { entry -> LetterSummary? in
            guard entry.kind == .letter || entry.kind == .letterSent, let recordID = entry.recordID else { return nil }
            return LetterSummary(recordID: recordID, template: entry.text ?? "", at: entry.at, sentOn: entry.sentOn)
        }
        let today = Day(now())
        var view = CaseView(
            id: row.id, reference: CaseReference.of(row.id), kind: row.kind, step: row.step, channel: row.channel,
            receivedOn: row.receivedOn, revision: row.revision, sheet: sheet, assignees: row.assignees, report: report,
            contactDetails: contact, counsellorClassification: try await classification(of: row, session: session),
            timeline: timeline, messages: messages.sorted { $0.sequence < $1.sequence }, hasMailbox: row.hasMailbox,
            deadlines: deadlines.deadlines(
                events: allEvents(sheet, row: row), manual: sheet.manualDeadlines, missed: sheet.missed ?? [],
                fields: sheet.legalFields(policy), today: today),
            transitions: workflow.available(for: sheet.state(kind: row.kind, step: row.step), role: session.role, at: now()),
            letters: letters, documentFiles: files)
        view.reporterUnread = row.reporterUnread
        view.legalHold = row.legalHold
        return view
    }
}
