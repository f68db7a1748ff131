import Foundation
import Members
import Sealing
import SichtbarCore
import Workflow

extension CaseworkService {
    /// Records a case from a phone call, walk-in, letter or e-mail: sealed to the office's
    /// current key, assigned to the member who records it, audited.
    public func create(_ input: NewCaseInput, by session: Session) async throws -> EntityID {
        let officeID = try officeID(of: session)
        guard policy.kind(input.kind) != nil else {
            throw FieldError.invalid(
                field: "kind", message: "'\(input.kind)' is not a case kind: one of \(policy.kinds.map(\.code).joined(separator: ", "))")
        }
        guard taxonomy.facet("channel")?.code(input.channel) != nil else {
            throw FieldError.invalid(field: "channel", message: "'\(input.channel)' is not a channel of the taxonomy")
        }
        let title = try CaseInput.text(input.title, field: "title", limit: 200, allowEmpty: true)
        for person in input.persons { _ = try CaseInput.text(person.label, field: "persons", limit: 100) }
        let today = Day(now())
        if let contact = input.contact { try CaseInput.check(contact, today: today) }
        let note = try input.note.map { try CaseInput.text($0, field: "note", limit: 20_000, allowEmpty: true) }
        guard let office = try await members.store.office(id: officeID) else { throw AccessError.notFound }

        let id = EntityID.random()
        let keys = CaseKeys.generate()
        var sheet = CaseSheet(title: title, persons: input.persons)
        // Whoever records a case has been in contact: no first-response deadline runs for it.
        if policy.event("erstkontakt_erfolgt") != nil { sheet.events.append(RecordedEvent(code: "erstkontakt_erfolgt", on: today)) }
        var entries = [entry(.created, by: session, text: "\(input.kind) \(input.channel)")]
        if let contact = input.contact {
            var logged = entry(.contact, by: session)
            logged.contact = contact
            entries.append(logged)
        }
        if let note, !note.isEmpty { entries.append(entry(.note, by: session, text: note)) }
        let records =
            try [RecordCodec.seal(sheet, kind: .sheet, caseID: id, key: keys.caseKey, revision: 0)]
            + entries.map { try RecordCodec.seal($0, kind: .entry, caseID: id, key: keys.caseKey) }
        let row = CaseFileRow(
            id: id, officeID: officeID, kind: input.kind, step: policy.startStep, channel: input.channel,
            receivedOn: today, nextDue: nil, closedOn: nil, revision: 0,
            keys: SealedCaseKeys(caseID: id, keyVersion: office.keyVersion, sealed: []), hasMailbox: false,
            assignees: [], sheet: nil)
        // Sealed to the key of the member's own office secrets, not to the row: a swapped row
        // gets nothing from a counsellor.
        let officeKey = try await session.officeSecrets(version: office.keyVersion, store: members.store).keyPair.publicKey
        try await store.create(
            NewCaseFile(
                id: id, officeID: officeID, keyVersion: office.keyVersion, sealedKeys: keys.seal(to: officeKey), kind: input.kind,
                step: policy.startStep, channel: input.channel, receivedOn: today, nextDue: nextDue(sheet, row: row, today: today),
                records: records, assignees: [CaseAssignment(memberID: session.memberID, username: session.username, role: .beratung)],
                audit: [.member(session.username, .caseCreated, id.hex, at: now())], sealedTo: KeyFingerprint.bytes(officeKey),
                authenticator: CaseIntegrity.tag(
                    caseID: id, revision: 0, records: records.map(CaseIntegrity.Entry.init), caseKey: keys.caseKey)))
        return id
    }

    /// Counts a "Kontakt ohne Akte": never a file, only month, channel and optionally ground and referral.
    public func recordTally(channel: String, ground: String?, referral: String?, by session: Session) async throws {
        let officeID = try officeID(of: session)
        guard taxonomy.facet("channel")?.code(channel) != nil else {
            throw FieldError.invalid(field: "channel", message: "'\(channel)' is not a channel of the taxonomy")
        }
        if let ground, taxonomy.facet("ground")?.code(ground) == nil {
            throw FieldError.invalid(field: "ground", message: "'\(ground)' is not a ground of the taxonomy")
        }
        let referral = try referral.map { try CaseInput.text($0, field: "referral", limit: 100, allowEmpty: true) }.flatMap {
            $0.isEmpty ? nil : $0
        }
        try await store.recordTally(
            ContactTally(month: Day(now()).monthKey, channel: channel, ground: ground, referral: referral),
            officeID: officeID, audit: .member(session.username, .tallyRecorded, channel, at: now()))
    }

    /// The usernames of the office's members who work cases, for the assignment form.
    public func staff(for session: Session) async throws -> [String] {
        let officeID = try officeID(of: session)
        return try await members.store.members(officeID: officeID).filter { $0.role == .counsellor || $0.role == .lead }.map(\.username)
            .sorted()
    }

    /// Whether the member may set who works a case: the roles of `assignment.assign` in
    /// `Policies/access.yaml` (leads only, unless the office lets counsellors share out cases).
    public func mayAssign(_ session: Session) -> Bool {
        session.worksCases && members.accessPolicy.assigners.contains(session.role)
    }

    /// Sets who works the case. Only members whose role the access policy lets assign may do it
    /// (others find no such route); only members of the office who work cases can be assigned;
    /// exactly one is in charge (`beratung`).
    public func assign(_ assignees: [(username: String, role: CaseAssignment.Role)], to id: EntityID, by session: Session) async throws {
        let officeID = try officeID(of: session)
        guard mayAssign(session) else { throw AccessError.notFound }
        let staff = try await members.store.members(officeID: officeID).filter { $0.role == .counsellor || $0.role == .lead }
        var assignments: [CaseAssignment] = []
        for (username, role) in assignees {
            guard let member = staff.first(where: { $0.username == username }) else {
                throw FieldError.invalid(field: "assignees", message: "'\(username)' is not a counsellor or lead of this office")
            }
            guard !assignments.contains(where: { $0.memberID == member.id }) else {
                throw FieldError.invalid(field: "assignees", message: "'\(username)' is named twice")
            }
            assignments.append(CaseAssignment(memberID: member.id, username: member.username, role: role))
        }
        guard assignments.filter({ $0.role == .beratung }).count <= 1 else {
            throw FieldError.invalid(
                field: "assignees", message: "one counsellor is in charge (beratung); others are co_beratung or vertretung")
        }
        try await change(id, by: session) { _, row, _ in
            let summary = assignments.map { "\($0.username):\($0.role.rawValue)" }.joined(separator: ",")
            return CaseChange(
                entries: [entry(.assignment, by: session, text: summary)],
                audit: [.member(session.username, .caseAssigned, "\(row.id.hex) \(summary)", at: now())], assignees: assignments)
        }
    }

    /// Opens all of the office's cases to its counsellors, or only to those assigned (leads see all either way).
    public func setTeamAccess(_ open: Bool, by session: Session) async throws {
        let officeID = try officeID(of: session)
        guard session.isLead else { throw AccessError.notFound }
        try await store.setTeamAccess(
            officeID: officeID, open: open,
            audit: .member(session.username, .officeProfileChanged, open ? "team_access on" : "team_access off", at: now()))
    }
}
