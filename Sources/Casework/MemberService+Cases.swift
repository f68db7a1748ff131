import Foundation
import Sealing

/// A case as a counsellor opens it. The next release adds the timeline, classification,
/// contacts, documents and deadlines; here it is what intake stored.
public struct OpenedCase: Sendable {
    public let summary: CaseSummary
    public let report: ReportContent?
    public let messages: [MailboxMessage]
}

extension MemberService {
    /// The office's cases, newest first; only counsellors and leads of the office reach them.
    public func cases(for session: Session, step: String?, after: EntityID?, limit: Int) async throws -> [CaseSummary] {
        guard session.worksCases, let officeID = session.officeID else { throw AccessError.notFound }
        try await record(session, .caseListViewed, step ?? "")
        return try await store.caseSummaries(officeID: officeID, step: step, after: after, limit: min(max(limit, 1), 100))
    }

    /// Opens one case with the member's office key; a foreign or missing case is not found.
    /// Every opening is recorded.
    public func openCase(_ id: EntityID, for session: Session) async throws -> OpenedCase {
        guard session.worksCases, let officeID = session.officeID,
              let (summary, sealedKeys, records) = try await store.openCase(id: id, officeID: officeID) else {
            throw AccessError.notFound
        }
        let secrets = try await session.officeSecrets(version: sealedKeys.keyVersion, store: store)
        let keys = try CaseKeys.open(sealedKeys.sealed, with: secrets.keyPair)
        try await record(session, .caseViewed, id.hex)
        var report: ReportContent?
        var messages: [MailboxMessage] = []
        for record in records {
            switch record.kind {
            case .report: report = try RecordCodec.open(record, as: ReportContent.self, key: keys.mailboxKey)
            case .message: messages.append(try RecordCodec.open(record, as: MailboxMessage.self, key: keys.mailboxKey))
            case .contact, .sheet, .entry, .documentFile, .letter: break
            }
        }
        return OpenedCase(summary: summary, report: report, messages: messages.sorted { $0.sequence < $1.sequence })
    }
}
