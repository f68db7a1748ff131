import Foundation
import Intake
import Members
import Sealing
import SichtbarCore

extension CaseworkService {
    /// Loads a case the member may open and checks it against its authenticator. A mismatch is
    /// audited as `integrity.alarm` ("case CASEID") and refused with `CaseIntegrityError`.
    func openVerified(_ id: EntityID, for session: Session) async throws -> OpenedCase {
        let (row, records) = try await load(id, for: session)
        let keys: CaseKeys
        do {
            keys = try await self.keys(of: row, session: session)
        } catch SealingError.authenticationFailed {
            // The office secret opened nothing: the sealed keys were replaced.
            throw await integrityAlarm(row.id, session: session)
        }
        do {
            return try verify(row, records: records, keys: keys)
        } catch is CaseIntegrityError {
            throw await integrityAlarm(row.id, session: session)
        }
    }

    /// Appends the alarm and returns the error to throw. The refusal stands even when the
    /// audit cannot be written.
    func integrityAlarm(_ caseID: EntityID, session: Session) async -> CaseIntegrityError {
        try? await members.record(session, .integrityAlarm, "case \(caseID.hex)")
        return CaseIntegrityError(caseID: caseID)
    }

    /// The checks, without I/O: pending records are reporter messages of this case (and the
    /// evidence files those messages name); the
    /// authenticator covers exactly the other records and the sheet at the row's revision; the
    /// sheet opens at that revision. A case without an authenticator is taken as found only if
    /// its keys predate authenticators.
    func verify(_ row: CaseFileRow, records: [SealedRecord], keys: CaseKeys) throws -> OpenedCase {
        let failure = CaseIntegrityError(caseID: row.id)
        guard let tag = row.authenticator else {
            guard !keys.requiresAuthenticator else { throw failure }
            let sheet: CaseSheet
            do { sheet = try self.sheet(of: row, keys: keys) } catch SealingError.authenticationFailed { throw failure }
            return OpenedCase(row: row, records: records, keys: keys, sheet: sheet, pending: [], firstUse: true)
        }
        var pending: [EntityID] = []
        var pendingFiles: [EntityID] = []
        var namedFiles: Set<EntityID> = []
        for record in records where row.pendingRecords.contains(record.id) {
            // An evidence file is checked by the reporter message that names it (its body is
            // not loaded here; opening it later authenticates it).
            if record.kind == .reporterFile {
                pendingFiles.append(record.id)
                continue
            }
            guard record.kind == .message,
                let message = try? RecordCodec.open(record, as: MailboxMessage.self, key: keys.mailboxKey),
                message.from == .reporter
            else { throw failure }
            pending.append(record.id)
            if let file = message.file { namedFiles.insert(file.recordID) }
        }
        guard pendingFiles.allSatisfy(namedFiles.contains) else { throw failure }
        pending += pendingFiles
        let covered =
            records.filter { !row.pendingRecords.contains($0.id) }.map(CaseIntegrity.Entry.init)
            + (row.sheet.map { [CaseIntegrity.Entry($0)] } ?? [])
        guard CaseIntegrity.verify(tag, caseID: row.id, revision: row.revision, records: covered, caseKey: keys.caseKey) else {
            throw failure
        }
        let sheet: CaseSheet
        do { sheet = try self.sheet(of: row, keys: keys) } catch SealingError.authenticationFailed { throw failure }
        return OpenedCase(row: row, records: records, keys: keys, sheet: sheet, pending: pending, firstUse: false)
    }

    /// After an open: folds checked reporter messages into the authenticator, and gives a case
    /// from before authenticators its first one (sheet sealed again with its revision bound,
    /// keys sealed again with the marker). Written only if nothing moved on meanwhile; else the
    /// next open does it. A failure here does not fail the open.
    func catchUp(_ opened: OpenedCase, session: Session) async {
        guard opened.needsSeal else { return }
        let row = opened.row
        do {
            var sheet: SealedRecord?
            if opened.firstUse, row.sheet != nil {
                sheet = try RecordCodec.seal(opened.sheet, kind: .sheet, caseID: row.id, key: opened.keys.caseKey, revision: row.revision)
            }
            var sealedKeys: [UInt8]?
            if !opened.keys.requiresAuthenticator {
                let secrets = try await session.officeSecrets(version: row.keys.keyVersion, store: members.store)
                sealedKeys = opened.keys.requiringAuthenticator().seal(to: secrets.keyPair.publicKey)
            }
            let tag = CaseIntegrity.tag(
                caseID: row.id, revision: row.revision, records: opened.entries(sheet: sheet ?? row.sheet),
                caseKey: opened.keys.caseKey)
            let folded = opened.firstUse ? Array(row.pendingRecords) : opened.pending
            _ = try await store.sealIntegrity(
                CaseIntegritySeal(
                    caseID: row.id, officeID: row.officeID, expectedRevision: row.revision, expectedAuthenticator: row.authenticator,
                    authenticator: tag, folded: folded, sheet: sheet, sealedKeys: sealedKeys, keyVersion: row.keys.keyVersion))
        } catch {
            return
        }
    }

    /// Reporter and office number their messages by the count they saw plus one, and messages
    /// are never deleted on their own: so a thread always has at least as many messages as its
    /// highest number. Fewer means messages were taken away (which the authenticator cannot
    /// see for reporter messages not yet folded in, unless a later one remains).
    func checkThread(_ messages: [MailboxMessage], caseID: EntityID) throws {
        if let highest = messages.map(\.sequence).max(), highest > messages.count { throw CaseIntegrityError(caseID: caseID) }
    }
}
