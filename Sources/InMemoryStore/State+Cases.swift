import Casework
import Members
import SichtbarCore

/// Cases and what hangs on them, with the constraints and cascades of their tables.
extension State {
    /// `INSERT INTO record`: a unique id, an existing case (the record's own `caseID`).
    mutating func insert(_ record: SealedRecord, pending: Bool = false) throws {
        guard recordOwners[record.id] == nil else { throw InMemoryStoreError.constraint("record.id") }
        guard cases[record.caseID] != nil else { throw InMemoryStoreError.constraint("record.case_id") }
        cases[record.caseID]?.records[record.id] = RecordRow(
            id: record.id, caseID: record.caseID, kind: record.kind, keyVersion: record.keyVersion, ciphertext: record.ciphertext,
            pending: pending)
        recordOwners[record.id] = record.caseID
    }

    mutating func deleteRecord(_ id: EntityID, of caseID: EntityID) {
        guard cases[caseID]?.records.removeValue(forKey: id) != nil else { return }
        recordOwners[id] = nil
    }

    /// `INSERT INTO case_file`: a unique id, an existing office, a 16-byte key fingerprint.
    mutating func insert(_ file: CaseRow) throws {
        guard cases[file.id] == nil else { throw InMemoryStoreError.constraint("case_file.id") }
        guard offices[file.officeID] != nil else { throw InMemoryStoreError.constraint("case_file.office_id") }
        if let sealedTo = file.sealedTo, sealedTo.count != 16 { throw InMemoryStoreError.constraint("case_file.sealed_to length") }
        cases[file.id] = file
    }

    /// Deletes a case's keys, records and mailbox; assignees go with it, its classification
    /// stays, unlinked.
    mutating func deleteCase(_ id: EntityID) {
        guard let file = cases.removeValue(forKey: id) else { return }
        for recordID in file.records.keys { recordOwners[recordID] = nil }
        if let mailbox = file.mailbox { mailboxes[mailbox.lookupID] = nil }
        for (facetsID, row) in facets where row.caseID == id { facets[facetsID]?.caseID = nil }
    }

    /// `UPDATE intake_month SET unclassified = max(unclassified - 1, 0)`: a month without a row stays without.
    mutating func uncount(officeID: EntityID, received: Day) {
        let key = MonthKey(officeID: officeID, month: received.monthKey)
        if let count = intakeMonths[key] { intakeMonths[key] = max(count - 1, 0) }
    }

    /// Replaces the assignees: each an existing member, once.
    mutating func replaceAssignees(_ assignees: [CaseAssignment], of caseID: EntityID) throws {
        var replaced: [EntityID: CaseAssignment.Role] = [:]
        for assignee in assignees {
            guard members[assignee.memberID] != nil else { throw InMemoryStoreError.constraint("case_assignee.member_id") }
            guard replaced[assignee.memberID] == nil else { throw InMemoryStoreError.constraint("case_assignee primary key") }
            replaced[assignee.memberID] = assignee.role
        }
        guard cases[caseID] != nil || assignees.isEmpty else { throw InMemoryStoreError.constraint("case_assignee.case_id") }
        cases[caseID]?.assignees = replaced
    }

    func facets(ofCase caseID: EntityID) -> FacetsRow? {
        facets.values.first { $0.caseID == caseID }
    }

    /// The first classification of a report moves it out of the unclassified count.
    mutating func replaceFacets(_ sealed: SealedFacets, of caseID: EntityID, officeID: EntityID) throws {
        if facets(ofCase: caseID) == nil, let file = cases[caseID], file.mailbox != nil {
            uncount(officeID: officeID, received: file.receivedOn)
        }
        if let old = facets(ofCase: caseID) { facets[old.id] = nil }
        guard facets[sealed.id] == nil else { throw InMemoryStoreError.constraint("case_facets.id") }
        guard offices[officeID] != nil else { throw InMemoryStoreError.constraint("case_facets.office_id") }
        facets[sealed.id] = FacetsRow(
            id: sealed.id, caseID: caseID, officeID: officeID, month: sealed.month, keyVersion: sealed.keyVersion,
            ciphertext: sealed.ciphertext)
    }

    /// The assignees of a case as SQLite lists them: by role, then username, names read from `member`.
    func assignments(of file: CaseRow) -> [CaseAssignment] {
        file.assignees.compactMap { memberID, role in
            members[memberID].map { CaseAssignment(memberID: memberID, username: $0.username, role: role) }
        }.sorted { lhs, rhs in
            lhs.role != rhs.role ? Binary.less(lhs.role.rawValue, rhs.role.rawValue) : Binary.less(lhs.username, rhs.username)
        }
    }

    /// A case as the list and the case file show it.
    func row(_ file: CaseRow) -> CaseFileRow {
        var row = CaseFileRow(
            id: file.id, officeID: file.officeID, kind: file.kind, step: file.step, channel: file.channel, receivedOn: file.receivedOn,
            nextDue: file.nextDue, closedOn: file.closedOn, withdrawnOn: file.withdrawnOn, revision: file.revision,
            keys: SealedCaseKeys(caseID: file.id, keyVersion: file.keyVersion, sealed: file.sealedKeys),
            hasMailbox: file.mailbox != nil, assignees: assignments(of: file), sheet: file.sheet?.sealed(),
            authenticator: file.integrity)
        row.reporterUnread = file.reporterUnread
        row.legalHold = file.legalHold
        return row
    }

    /// Marks folded reporter records as covered, and writes keys sealed again with the
    /// authenticator marker while the case is still on the key version they were opened with.
    mutating func writeIntegrity(caseID: EntityID, folded: [EntityID], sealedKeys: [UInt8]?, keyVersion: UInt32) {
        for id in folded where cases[caseID]?.records[id] != nil { cases[caseID]?.records[id]?.pending = false }
        if let sealedKeys, cases[caseID]?.keyVersion == keyVersion { cases[caseID]?.sealedKeys = sealedKeys }
    }

    /// Replaces the case's sheet (every sheet record of it) with `sheet`.
    mutating func replaceSheet(_ sheet: SealedRecord, of caseID: EntityID) throws {
        let sheets = cases[caseID]?.records.values.filter { $0.kind == .sheet } ?? []
        for record in sheets { deleteRecord(record.id, of: caseID) }
        try insert(sheet)
    }
}
