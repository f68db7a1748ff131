import Foundation
import Members
import Sealing
import SichtbarCore
import Workflow

/// What a change to a case produces besides the new sheet.
struct CaseChange {
    var entries: [TimelineEntry] = []
    var records: [SealedRecord] = []
    /// Records to delete with the change (a replaced scan).
    var removedRecords: [EntityID] = []
    var audit: [AuditEvent] = []
    var step: String?
    var kind: String?
    var assignees: [CaseAssignment]?
    var facets: SealedFacets?
    /// Crypto-shred the case instead of writing anything (a confirmed deletion).
    var shreds = false
}

extension CaseworkService {
    /// Reads the case, lets `body` change its sheet, and writes sheet, entries and audit in one
    /// update against the revision it read. When another change came first it reads again and
    /// retries; `body` may throw to refuse (a stale step, a missing document).
    @discardableResult
    func change(
        _ id: EntityID, by session: Session,
        _ body: (inout CaseSheet, CaseFileRow, CaseKeys) async throws -> CaseChange
    ) async throws -> CaseFileRow {
        var attempt = 0
        while true {
            attempt += 1
            let opened = try await openVerified(id, for: session)
            let (row, keys) = (opened.row, opened.keys)
            var sheet = opened.sheet
            let change = try await body(&sheet, row, keys)
            do {
                if change.shreds {
                    try await store.shred(id: row.id, officeID: row.officeID, expectedRevision: row.revision, audit: change.audit)
                } else {
                    // Keys from before authenticators are sealed again with the marker, to the key pair that opened them.
                    var officeKey: BoxPublicKey?
                    if !keys.requiresAuthenticator {
                        officeKey = try? await session.officeSecrets(version: row.keys.keyVersion, store: members.store).keyPair.publicKey
                    }
                    try await store.update(try update(of: opened, sheet: sheet, change: change, officeKey: officeKey))
                }
                return row
            } catch CaseFileStoreError.conflict where attempt < attempts {
                try await backOff(attempt)
            } catch CaseFileStoreError.notFound {
                throw AccessError.notFound
            }
        }
    }

    /// The write a change makes: new plaintext columns, the resealed sheet bound to the next
    /// revision, the new entries, and the authenticator over that revision and the records after
    /// the change (checked reporter messages folded in; keys from before authenticators marked).
    func update(of opened: OpenedCase, sheet: CaseSheet, change: CaseChange, officeKey: BoxPublicKey? = nil) throws -> CaseUpdate {
        let (row, keys) = (opened.row, opened.keys)
        var update = CaseUpdate(row: row)
        if let step = change.step { update.step = step }
        if let kind = change.kind { update.kind = kind }
        update.closedOn = sheet.closedOn
        update.nextDue = nextDue(sheet, row: row, step: update.step, today: Day(now()))
        let sealedSheet = try RecordCodec.seal(sheet, kind: .sheet, caseID: row.id, key: keys.caseKey, revision: row.revision + 1)
        update.sheet = sealedSheet
        update.records =
            try change.entries.map { try RecordCodec.seal($0, kind: .entry, caseID: row.id, key: keys.caseKey) }
            + change.records
        update.removedRecords = change.removedRecords
        update.authenticator = CaseIntegrity.tag(
            caseID: row.id, revision: row.revision + 1,
            records: opened.entries(sheet: sealedSheet, adding: update.records, removing: change.removedRecords),
            caseKey: keys.caseKey)
        update.folded = opened.firstUse ? Array(row.pendingRecords) : opened.pending
        if !keys.requiresAuthenticator, let officeKey {
            update.sealedKeys = keys.requiringAuthenticator().seal(to: officeKey)
        }
        update.assignees = change.assignees
        update.facets = change.facets
        update.audit = change.audit
        return update
    }

    func backOff(_ attempt: Int) async throws {
        try await Task.sleep(for: .milliseconds(Int(Sodium.randomUniform(5)) + 1 + 2 * attempt))
    }

    /// A note on the case, sealed; the audit trail says only that a note was added.
    /// `shareable`: the person may read it in the answer to an access request (Art. 15 DSGVO).
    public func addNote(_ text: String, shareable: Bool = false, to id: EntityID, by session: Session) async throws {
        let text = try CaseInput.text(text, field: "text", limit: 20_000)
        try await change(id, by: session) { _, row, _ in
            var note = entry(.note, by: session, text: text)
            note.shareable = shareable ? true : nil
            return CaseChange(entries: [note], audit: [.member(session.username, .caseNoteAdded, row.id.hex, at: now())])
        }
    }

    /// A contact of the contact log (phone, walk-in, mail …).
    public func addContact(_ contact: ContactLogEntry, to id: EntityID, by session: Session) async throws {
        try CaseInput.check(contact, today: Day(now()))
        try await change(id, by: session) { _, row, _ in
            var logged = entry(.contact, by: session)
            logged.contact = contact
            return CaseChange(entries: [logged], audit: [.member(session.username, .caseContactRecorded, row.id.hex, at: now())])
        }
    }

    /// An event deadlines run from (a rejection received, a claim sent), with its day.
    public func recordEvent(_ code: String, on day: Day, to id: EntityID, by session: Session) async throws {
        guard let type = policy.event(code), type.manual else {
            throw FieldError.invalid(
                field: "event",
                message:
                    "'\(code)' is not an event counsellors record: one of \(policy.events.filter(\.manual).map(\.code).joined(separator: ", "))"
            )
        }
        guard day <= Day(now()) else { throw FieldError.invalid(field: "on", message: "an event cannot lie in the future") }
        try await change(id, by: session) { sheet, row, _ in
            try checkField(ofEvent: code, in: sheet)
            let event = RecordedEvent(code: code, on: day)
            sheet.events.append(event)
            var recorded = entry(.event, by: session)
            recorded.event = event
            return CaseChange(
                entries: [recorded], audit: [.member(session.username, .caseEventRecorded, "\(row.id.hex) \(code)", at: now())])
        }
    }

    /// A deadline of its own (a Wiedervorlage), or with `rule` an override of a computed one,
    /// which needs a reason.
    /// A Wiedervorlage has an owner: `owner`, a member of the office who works cases, else the
    /// member who sets it.
    public func setDeadline(
        rule: String?, label: String, due: Day, reason: String?, owner: String? = nil, on id: EntityID,
        by session: Session
    ) async throws {
        if let owner, rule == nil, try await !staff(for: session).contains(owner) {
            throw FieldError.invalid(field: "owner", message: "'\(owner)' is not a counsellor or lead of this office")
        }
        if let rule {
            guard policy.deadlines.contains(where: { $0.code == rule }) else {
                throw FieldError.invalid(field: "rule", message: "'\(rule)' is not a deadline of the workflow policy")
            }
            guard let reason, !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw FieldError.invalid(field: "reason", message: "overriding a deadline needs a reason")
            }
        } else {
            _ = try CaseInput.text(label, field: "label", limit: 300)
        }
        try await change(id, by: session) { sheet, row, _ in
            if let rule, let field = policy.deadlines.first(where: { $0.code == rule })?.field, !sheet.legalFields(policy).contains(field) {
                throw WorkflowRejection.fieldMismatch(
                    code: rule, fields: [field], caseFields: policy.fields.map(\.code).filter(sheet.legalFields(policy).contains))
            }
            let deadline = ManualDeadline(
                rule: rule, label: label.trimmingCharacters(in: .whitespacesAndNewlines), due: due,
                reason: reason?.trimmingCharacters(in: .whitespacesAndNewlines),
                owner: rule == nil ? (owner ?? session.username) : nil)
            sheet.manualDeadlines.append(deadline)
            var recorded = entry(rule == nil ? .deadline : .deadlineOverride, by: session, text: deadline.reason)
            recorded.deadline = deadline
            let subject = "\(row.id.hex) \(rule ?? DeadlineStatus.manualRule)"
            return CaseChange(
                entries: [recorded],
                audit: [
                    .member(
                        session.username, rule == nil ? .caseDeadlineRecorded : .caseDeadlineOverridden,
                        subject, at: now())
                ])
        }
    }

    /// Marks a hand-set deadline (or an override) done.
    public func completeDeadline(_ manualID: EntityID, on id: EntityID, by session: Session) async throws {
        try await change(id, by: session) { sheet, row, _ in
            guard let index = sheet.manualDeadlines.firstIndex(where: { $0.id == manualID }) else {
                throw FieldError.invalid(field: "deadline", message: "the case has no such deadline set by hand")
            }
            sheet.manualDeadlines[index].done = true
            var recorded = entry(.deadlineDone, by: session)
            recorded.deadline = sheet.manualDeadlines[index]
            return CaseChange(
                entries: [recorded], audit: [.member(session.username, .caseDeadlineRecorded, "\(row.id.hex) done", at: now())])
        }
    }

    /// The title and the persons of the case.
    public func describe(title: String, persons: [AffectedPerson], on id: EntityID, by session: Session) async throws {
        let title = try CaseInput.text(title, field: "title", limit: 200, allowEmpty: true)
        guard persons.count <= 50 else { throw FieldError.invalid(field: "persons", message: "at most 50 persons") }
        for person in persons { _ = try CaseInput.text(person.label, field: "persons", limit: 100) }
        try await change(id, by: session) { sheet, row, _ in
            sheet.title = title
            sheet.persons = persons
            return CaseChange(
                entries: [entry(.persons, by: session)], audit: [.member(session.username, .caseDescribed, row.id.hex, at: now())])
        }
    }
}
