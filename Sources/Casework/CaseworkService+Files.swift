import Foundation
import Intake
import Members
import ScanScrubbing
import Sealing
import SichtbarCore

extension CaseworkService {
    /// Attaches the scan of a signed document (a Vollmacht, a Schweigepflichtentbindung …): its
    /// metadata is stripped, the clean file sealed under the case key as its own record, and its
    /// SHA-256 kept on the document. A second scan replaces the first; the timeline keeps both
    /// hashes. The audit trail names the case and the document type, never a file name or content.
    @discardableResult
    public func attachFile(_ bytes: [UInt8], toDocument documentID: EntityID, in id: EntityID, by session: Session) async throws
        -> DocumentFile
    {
        // Access first, so a stranger's upload costs no stripping and learns nothing from it.
        let opened = try await openVerified(id, for: session)
        let (row, keys) = (opened.row, opened.keys)
        guard opened.sheet.documents.contains(where: { $0.id == documentID }) else { throw AccessError.notFound }
        let scanned: ScannedFile
        do {
            scanned = try MetadataStripper.strip(bytes)
        } catch {
            throw FieldError.invalid(field: "file", message: error.description)
        }
        // Sealed once, outside the retried change: the case key does not change between tries.
        let record = try RecordCodec.sealBytes(scanned.bytes, kind: .documentFile, caseID: row.id, key: keys.caseKey)
        let file = DocumentFile(
            recordID: record.id, mediaType: scanned.mediaType, size: scanned.bytes.count,
            hash: EntityID.hexString(FileDigest.sha256(scanned.bytes)))
        try await change(id, by: session) { sheet, row, _ in
            guard let index = sheet.documents.firstIndex(where: { $0.id == documentID }) else { throw AccessError.notFound }
            let replaced = sheet.documents[index].file?.recordID
            sheet.documents[index].file = file
            var attached = entry(.documentFile, by: session)
            attached.document = sheet.documents[index]
            attached.recordID = record.id
            return CaseChange(
                entries: [attached], records: [record], removedRecords: replaced.map { [$0] } ?? [],
                audit: [.member(session.username, .caseDocumentFileAttached, "\(row.id.hex) \(sheet.documents[index].type)", at: now())])
        }
        return file
    }

    /// The scan of a document, decrypted; every view is audited (the case, nothing else).
    public func documentFile(_ documentID: EntityID, in id: EntityID, by session: Session) async throws -> ScannedFile {
        let opened = try await openVerified(id, for: session)
        guard let file = opened.sheet.documents.first(where: { $0.id == documentID })?.file else { throw AccessError.notFound }
        return try await openFile(
            file, kind: .documentFile, key: opened.keys.caseKey, of: opened, audit: .caseDocumentFileViewed,
            session: session)
    }

    /// An evidence file the reporter sent, decrypted with the mailbox key; only one a message of
    /// the thread names. Every view is audited (the case, nothing else).
    public func reporterFile(_ recordID: EntityID, in id: EntityID, by session: Session) async throws -> ScannedFile {
        let opened = try await openVerified(id, for: session)
        let (row, keys) = (opened.row, opened.keys)
        var note: DocumentFile?
        for record in opened.records where record.kind == .message {
            let message: MailboxMessage
            do { message = try RecordCodec.open(record, as: MailboxMessage.self, key: keys.mailboxKey) } catch SealingError
                .authenticationFailed
            {
                throw await integrityAlarm(row.id, session: session)
            }
            if message.from == .reporter, message.file?.recordID == recordID { note = message.file }
        }
        guard let note else { throw AccessError.notFound }
        return try await openFile(
            note, kind: .reporterFile, key: keys.mailboxKey, of: opened, audit: .caseReporterFileViewed,
            session: session)
    }

    /// A sealed file of an opened case: only one of its own records of that kind, fetched with its
    /// body; a body that does not authenticate raises the integrity alarm. The view is audited.
    private func openFile(
        _ file: DocumentFile, kind: RecordKind, key: SecureBytes, of opened: OpenedCase, audit: AuditAction,
        session: Session
    ) async throws -> ScannedFile {
        let row = opened.row
        guard opened.records.contains(where: { $0.id == file.recordID && $0.kind == kind }),
            let record = try await store.record(id: file.recordID, caseID: row.id, officeID: row.officeID),
            record.kind == kind
        else { throw AccessError.notFound }
        let bytes: [UInt8]
        do { bytes = try RecordCodec.openBytes(record, key: key) } catch SealingError.authenticationFailed {
            throw await integrityAlarm(row.id, session: session)
        }
        try await members.record(session, audit, row.id.hex)
        return ScannedFile(mediaType: file.mediaType, bytes: bytes)
    }
}
