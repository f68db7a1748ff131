import Intake
import SichtbarCore
import Workflow

/// `ReportStore` over the shared in-memory state: a submitted report is a case the case file
/// store lists. Reporter-side audit events are queued per day, as in SQLite. Named apart from
/// Intake's stand-alone `InMemoryReportStore`.
public struct InMemoryIntakeStore: ReportStore {
    let database: InMemoryDatabase

    /// Offices in creation order (SQLite's engine may answer from a copy up to two seconds old).
    public func offices() async throws -> [Office] {
        try database.read { try $0.officesInOrder.map { try $0.office() } }
    }

    /// Refused like a failed SQLite batch (`StoreError.unavailable`) when the office no longer
    /// keeps the secret of the key version the report was sealed to, or a constraint fails.
    public func submit(_ intake: SealedIntake) async throws {
        do {
            try database.write { state in
                let recovery = SealKey(
                    officeID: intake.officeID, version: intake.officeKeyVersion, recipient: "recovery", purpose: .officeSecret)
                guard state.officeSeals[recovery] != nil else { throw StoreError.unavailable("the office key changed") }
                try state.insert(
                    CaseRow(
                        id: intake.caseID, officeID: intake.officeID, keyVersion: intake.officeKeyVersion, sealedKeys: intake.sealedKeys,
                        kind: "meldung", step: intake.step, channel: intake.channel, receivedOn: intake.receivedOn,
                        nextDue: intake.nextDue, touched: false, intakeAudited: false, sealedTo: intake.sealedTo,
                        integrity: intake.authenticator))
                guard intake.lookupID.count == 16 else { throw InMemoryStoreError.constraint("mailbox.lookup_id length") }
                guard state.mailboxes[intake.lookupID] == nil else { throw InMemoryStoreError.constraint("mailbox.lookup_id") }
                state.cases[intake.caseID]?.mailbox = MailboxRow(lookupID: intake.lookupID, wrappedKey: intake.wrappedMailboxKey)
                state.mailboxes[intake.lookupID] = intake.caseID
                for record in intake.records { try state.insert(record) }
                state.intakeMonths[MonthKey(officeID: intake.officeID, month: intake.receivedOn.monthKey), default: 0] += 1
            }
        } catch {
            throw StoreError.unavailable("the report batch could not be committed")
        }
    }

    /// The shared records (report, messages, reporter files without their bodies), in SQLite's
    /// index order: kind, then id.
    public func mailbox(lookupID: [UInt8]) async throws -> MailboxSnapshot? {
        try database.read { state in
            guard let caseID = state.mailboxes[lookupID], let file = state.cases[caseID], let mailbox = file.mailbox else { return nil }
            let records = file.records.values.filter(\.kind.isShared).sorted(by: RecordRow.indexOrder).map {
                $0.sealed(withBody: $0.kind != .reporterFile)
            }
            return MailboxSnapshot(
                caseID: caseID, officeID: file.officeID, step: file.step, touchedByOffice: file.touched,
                wrappedMailboxKey: mailbox.wrappedKey, records: records)
        }
    }

    /// Adds a reporter's records, pending until a counsellor's open folds them in, marks the
    /// case unread and queues the day's event. Records of several cases are ignored, as in SQLite.
    public func append(_ records: [SealedRecord]) async throws {
        guard let caseID = records.first?.caseID, records.allSatisfy({ $0.caseID == caseID }) else { return }
        let queued = database.today()
        do {
            try database.write { state in
                for record in records { try state.insert(record, pending: true) }
                state.cases[caseID]?.reporterUnread = true
                if let office = state.cases[caseID]?.officeID {
                    state.queue(.reporterMessageAdded, subject: caseID, chain: office, day: queued)
                }
            }
        } catch is InMemoryStoreError {
            throw StoreError.notFound
        }
    }

    /// Deletes the case with its records and mailbox, takes it out of its month's unclassified
    /// count (classified or not, as SQLite does) and queues the withdrawal.
    public func shred(caseID: EntityID) async throws {
        let queued = database.today()
        try database.write { state in
            guard let file = state.cases[caseID] else { throw StoreError.notFound }
            // Only a report still counted as unclassified leaves that count.
            if state.facets(ofCase: caseID) == nil { state.uncount(officeID: file.officeID, received: file.receivedOn) }
            state.deleteCase(caseID)
            state.queue(.reportWithdrawn, subject: caseID, chain: file.officeID, day: queued)
        }
    }

    /// Moves a worked case to the deletion request, keeping the earlier of `due` and its next due day.
    public func requestDeletion(caseID: EntityID, on day: Day, due: Day?) async throws {
        let queued = database.today()
        try database.write { state in
            guard var file = state.cases[caseID] else { throw StoreError.notFound }
            file.step = WorkflowPolicy.deletionRequestedStep
            file.withdrawnOn = day
            file.deletionRequestedOn = day
            if let due, file.nextDue.map({ due < $0 }) ?? true { file.nextDue = due }
            state.cases[caseID] = file
            state.queue(.withdrawalRequested, subject: caseID, chain: file.officeID, day: queued)
        }
    }
}
