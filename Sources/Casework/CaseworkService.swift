import Foundation
import Members
import Sealing
import SichtbarCore
import Workflow

/// Everything counsellors do with cases: list, open, record, move through the workflow, talk to
/// reporters, file documents and letters. One place checks role, office and assignment, opens
/// keys, and hands every change with its audit events to the store in one write.
public struct CaseworkService: Sendable {
    public let members: MemberService
    public let store: any CaseFileStore
    public let workflow: Workflow
    public let deadlines: DeadlineTracker
    public let taxonomy: Taxonomy
    /// The letter templates; nil where none are loaded (then every template is unknown).
    public let letters: (any LetterComposer)?
    /// How often a change is tried when other changes to the same case keep coming first;
    /// between tries it waits a few random milliseconds, so writers fall out of step.
    let attempts = 10
    /// The clock; replaceable in tests.
    let now: @Sendable () -> Date

    public init(
        members: MemberService, store: any CaseFileStore, policy: WorkflowPolicy, taxonomy: Taxonomy,
        calendar: LegalCalendar = .nrw, letters: (any LetterComposer)? = nil, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.members = members
        self.letters = letters
        self.taxonomy = taxonomy
        self.store = store
        self.workflow = Workflow(policy: policy)
        self.deadlines = DeadlineTracker(policy: policy, calendar: calendar)
        self.now = now
    }

    public var policy: WorkflowPolicy { workflow.policy }

    /// The office of a member who works cases; everyone else finds no case at all.
    func officeID(of session: Session) throws -> EntityID {
        guard session.worksCases, let officeID = session.officeID else { throw AccessError.notFound }
        return officeID
    }

    /// Leads see every case of their office; counsellors those they are assigned to, and all of
    /// them where the office opens cases to the team.
    func mayOpen(_ row: CaseFileRow, session: Session, teamAccess: Bool, covered: Set<EntityID> = []) -> Bool {
        guard row.officeID == session.officeID, session.worksCases else { return false }
        return session.isLead || teamAccess || row.assignees.contains { $0.memberID == session.memberID || covered.contains($0.memberID) }
    }

    /// The absent members whose cases the member covers today (a Vertretung a lead set).
    func covered(by session: Session, officeID: EntityID) async throws -> Set<EntityID> {
        let today = Day(now())
        return Set(
            try await store.covers(officeID: officeID).filter { $0.coverID == session.memberID && $0.isActive(on: today) }.map(\.absentID))
    }

    /// The members whose assignments give `session` access: itself and whom it covers.
    func visibleMembers(_ session: Session, officeID: EntityID) async throws -> [EntityID] {
        [session.memberID] + (try await covered(by: session, officeID: officeID)).sorted { $0.hex < $1.hex }
    }

    /// Loads a case the member may open, with its records; a foreign, missing or forbidden case
    /// is not found, alike.
    func load(_ id: EntityID, for session: Session) async throws -> (CaseFileRow, [SealedRecord]) {
        let officeID = try officeID(of: session)
        guard let (row, records) = try await store.caseFile(id: id, officeID: officeID),
            mayOpen(
                row, session: session, teamAccess: try await store.teamAccess(officeID: officeID),
                covered: try await covered(by: session, officeID: officeID))
        else {
            throw AccessError.notFound
        }
        return (row, records)
    }

    func keys(of row: CaseFileRow, session: Session) async throws -> CaseKeys {
        let secrets = try await session.officeSecrets(version: row.keys.keyVersion, store: members.store)
        return try CaseKeys.open(row.keys.sealed, with: secrets.keyPair)
    }

    /// The sheet of a case, or a fresh one for a report nobody has worked yet. A case with an
    /// authenticator has its revision bound into the sheet's associated data.
    func sheet(of row: CaseFileRow, keys: CaseKeys) throws -> CaseSheet {
        guard let sealed = row.sheet else { return CaseSheet() }
        return try RecordCodec.open(sealed, as: CaseSheet.self, key: keys.caseKey, revision: row.authenticator == nil ? nil : row.revision)
    }

    /// Events every case has without anyone recording them: its arrival, and a reporter's
    /// request to delete it (made through the mailbox, where no case key is at hand).
    func implicitEvents(of row: CaseFileRow) -> [RecordedEvent] {
        [RecordedEvent(code: "eingang", on: row.receivedOn)]
            + (row.withdrawnOn.map { [RecordedEvent(code: "loeschung_verlangt", on: $0)] } ?? [])
    }

    func allEvents(_ sheet: CaseSheet, row: CaseFileRow) -> [RecordedEvent] {
        implicitEvents(of: row) + sheet.events
    }

    func nextDue(_ sheet: CaseSheet, row: CaseFileRow, step: String? = nil, today: Day) -> Day? {
        deadlines.nextDue(
            events: allEvents(sheet, row: row), manual: sheet.manualDeadlines, missed: sheet.missed ?? [],
            fields: sheet.legalFields(policy), today: today, closed: isClosed(step ?? row.step))
    }

    /// Whether a step ends the counselling (closed or final): its case tracks only hand-set deadlines.
    func isClosed(_ step: String) -> Bool {
        policy.step(step).map { $0.isClosed || $0.isFinal } ?? false
    }

    func entry(_ kind: TimelineEntry.Kind, by session: Session, text: String? = nil) -> TimelineEntry {
        TimelineEntry(at: AuditEvent.timestamp(now()), actor: session.username, kind: kind, text: text)
    }
}
