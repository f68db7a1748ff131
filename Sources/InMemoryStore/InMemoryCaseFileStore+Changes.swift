import Casework
import Members
import SichtbarCore
import Workflow

/// Case changes, each with its audit events in one transaction.
extension InMemoryCaseFileStore {
    /// A case a counsellor records: touched and audited from the start, keys not yet checked.
    public func create(_ file: NewCaseFile) async throws {
        try database.write { state in
            try state.insert(
                CaseRow(
                    id: file.id, officeID: file.officeID, keyVersion: file.keyVersion, sealedKeys: file.sealedKeys, kind: file.kind,
                    step: file.step, channel: file.channel, receivedOn: file.receivedOn, nextDue: file.nextDue, closedOn: file.closedOn,
                    touched: true,
                    intakeAudited: true, sealedTo: file.sealedTo, integrity: file.authenticator))
            for record in file.records { try state.insert(record) }
            try state.replaceAssignees(file.assignees, of: file.id)
            database.audit(file.audit, chain: file.officeID, &state)
        }
    }

    /// Refused with `.conflict` when the revision or the authenticator moved on, `.notFound`
    /// when the case is not the office's. A step into the deletion request keeps the day it was
    /// first requested; any other step clears it.
    public func update(_ update: CaseUpdate) async throws {
        let today = database.today()
        try database.write { state in
            guard var file = state.cases[update.id], file.officeID == update.officeID else { throw CaseFileStoreError.notFound }
            guard file.revision == update.expectedRevision, file.integrity == update.expectedAuthenticator else {
                throw CaseFileStoreError.conflict
            }
            file.kind = update.kind
            file.step = update.step
            file.nextDue = update.nextDue
            file.closedOn = update.closedOn
            file.revision += 1
            file.touched = true
            file.integrity = update.authenticator ?? file.integrity
            file.deletionRequestedOn =
                update.step == WorkflowPolicy.deletionRequestedStep ? (file.deletionRequestedOn ?? today) : nil
            state.cases[update.id] = file
            if let sheet = update.sheet { try state.replaceSheet(sheet, of: update.id) }
            for record in update.records { try state.insert(record) }
            for removed in update.removedRecords where state.cases[update.id]?.records[removed]?.kind != .sheet {
                state.deleteRecord(removed, of: update.id)
            }
            state.writeIntegrity(caseID: update.id, folded: update.folded, sealedKeys: update.sealedKeys, keyVersion: update.keyVersion)
            if let assignees = update.assignees { try state.replaceAssignees(assignees, of: update.id) }
            if let facets = update.facets {
                try state.replaceFacets(facets, of: update.id, officeID: update.officeID)
                // The first classification starts a Meldung's retention; a later one does not move it.
                if state.cases[update.id]?.classifiedOn == nil { state.cases[update.id]?.classifiedOn = today }
            }
            database.audit(update.audit, chain: update.officeID, &state)
        }
    }

    /// Writes a caught-up authenticator without bumping the revision; false, writing nothing,
    /// when revision or authenticator moved on (or the case is not the office's).
    public func sealIntegrity(_ seal: CaseIntegritySeal) async throws -> Bool {
        try database.write { state in
            guard let file = state.cases[seal.caseID], file.officeID == seal.officeID, file.revision == seal.expectedRevision,
                file.integrity == seal.expectedAuthenticator
            else { return false }
            state.cases[seal.caseID]?.integrity = seal.authenticator
            if let sheet = seal.sheet { try state.replaceSheet(sheet, of: seal.caseID) }
            state.writeIntegrity(caseID: seal.caseID, folded: seal.folded, sealedKeys: seal.sealedKeys, keyVersion: seal.keyVersion)
            return true
        }
    }

    /// A report counted as unclassified leaves that count; a classification stays, unlinked.
    public func shred(id: EntityID, officeID: EntityID, expectedRevision: Int, audit events: [AuditEvent]) async throws {
        try database.write { state in
            guard let file = state.cases[id], file.officeID == officeID else { throw CaseFileStoreError.notFound }
            guard file.revision == expectedRevision else { throw CaseFileStoreError.conflict }
            if file.mailbox != nil && state.facets(ofCase: id) == nil { state.uncount(officeID: officeID, received: file.receivedOn) }
            state.deleteCase(id)
            database.audit(events, chain: officeID, &state)
        }
    }

    public func recordTally(_ tally: ContactTally, officeID: EntityID, audit event: AuditEvent) async throws {
        try database.write { state in
            guard state.offices[officeID] != nil else { throw InMemoryStoreError.constraint("contact_tally.office_id") }
            state.tallies.append(TallyRow(id: .random(), officeID: officeID, tally: tally))
            database.audit([event], chain: officeID, &state)
        }
    }

    public func markReporterRead(caseID: EntityID, officeID: EntityID, audit: AuditEvent) async throws {
        try database.write { state in
            guard state.cases[caseID]?.officeID == officeID else { throw CaseFileStoreError.notFound }
            state.cases[caseID]?.reporterUnread = false
            database.audit([audit], chain: officeID, &state)
        }
    }

    /// Sets or replaces the cover of the absent member; a replacement keeps the office it was set for.
    public func setCover(_ cover: MemberCover, officeID: EntityID, audit: AuditEvent) async throws {
        try database.write { state in
            guard state.members[cover.absentID] != nil, state.members[cover.coverID] != nil else {
                throw InMemoryStoreError.constraint("member_cover member")
            }
            guard state.offices[officeID] != nil else { throw InMemoryStoreError.constraint("member_cover.office_id") }
            guard cover.absentID != cover.coverID else { throw InMemoryStoreError.constraint("member_cover absent_id != cover_id") }
            guard cover.from <= cover.until else { throw InMemoryStoreError.constraint("member_cover from_day <= until_day") }
            let office = state.covers[cover.absentID]?.officeID ?? officeID
            state.covers[cover.absentID] = CoverRow(officeID: office, coverID: cover.coverID, from: cover.from, until: cover.until)
            database.audit([audit], chain: officeID, &state)
        }
    }

    public func endCover(absentID: EntityID, officeID: EntityID, audit: AuditEvent) async throws {
        try database.write { state in
            guard state.covers[absentID]?.officeID == officeID else { throw CaseFileStoreError.notFound }
            state.covers[absentID] = nil
            database.audit([audit], chain: officeID, &state)
        }
    }

    public func setLegalHold(caseID: EntityID, officeID: EntityID, hold: Bool, audit: AuditEvent) async throws {
        try database.write { state in
            guard state.cases[caseID]?.officeID == officeID else { throw CaseFileStoreError.notFound }
            state.cases[caseID]?.legalHold = hold
            database.audit([audit], chain: officeID, &state)
        }
    }
}
