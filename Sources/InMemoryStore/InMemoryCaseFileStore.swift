import Casework
import Members
import SichtbarCore

/// `CaseFileStore` over the shared in-memory state: the case list, case files, their changes.
public struct InMemoryCaseFileStore: CaseFileStore {
    let database: InMemoryDatabase

    /// False for an unknown office, as SQLite's missing row reads.
    public func teamAccess(officeID: EntityID) async throws -> Bool {
        try database.read { $0.offices[officeID]?.teamAccess ?? false }
    }

    public func setTeamAccess(officeID: EntityID, open: Bool, audit event: AuditEvent) async throws {
        try database.write { state in
            guard state.offices[officeID] != nil else { throw CaseFileStoreError.notFound }
            state.offices[officeID]?.teamAccess = open
            database.audit([event], chain: officeID, &state)
        }
    }

    public func cases(_ query: CaseQuery) async throws -> [CaseFileRow] {
        try database.read { state in
            if let urgency = query.urgency { return state.urgent(query, urgency).map(state.row) }
            return state.ordered(query).prefix(State.pageSize(query)).map(state.row)
        }
    }

    /// The sort key and sealed classification of each case of the page. A case without its
    /// sort day (no due day in the due order) takes its place in the page and is then left
    /// out, as SQLite's rows are.
    public func classifiedCases(_ query: CaseQuery) async throws -> [ClassifiedCase] {
        try database.read { state in
            let page = state.ordered(query).prefix(State.pageSize(query))
            var facetsByCase: [EntityID: FacetsRow] = [:]
            for row in state.facets.values { if let caseID = row.caseID { facetsByCase[caseID] = row } }
            return page.compactMap { file in
                guard let day = query.ordersByDue ? file.nextDue : file.receivedOn else { return nil }
                let facets = facetsByCase[file.id].map {
                    SealedFacets(id: $0.id, month: $0.month, keyVersion: $0.keyVersion, ciphertext: $0.ciphertext)
                }
                return ClassifiedCase(id: file.id, sortDay: day, facets: facets)
            }
        }
    }

    public func cases(ids: [EntityID], officeID: EntityID) async throws -> [EntityID: CaseFileRow] {
        try database.read { state in
            var found: [EntityID: CaseFileRow] = [:]
            for id in ids {
                if let file = state.cases[id], file.officeID == officeID { found[id] = state.row(file) }
            }
            return found
        }
    }

    /// Every record but the sheet (which the row carries), scans, letters and reporter files
    /// without their bodies, in SQLite's index order (kind, then id).
    public func caseFile(id: EntityID, officeID: EntityID) async throws -> (CaseFileRow, [SealedRecord])? {
        try database.read { state -> CaseFileOpened? in
            guard let file = state.cases[id], file.officeID == officeID else { return nil }
            var row = state.row(file)
            let records = file.records.values.filter { $0.kind != .sheet }.sorted(by: RecordRow.indexOrder)
            row.pendingRecords = Set(records.filter(\.pending).map(\.id))
            let bodiless: Set<RecordKind> = [.documentFile, .letter, .reporterFile]
            return CaseFileOpened(row: row, records: records.map { $0.sealed(withBody: !bodiless.contains($0.kind)) })
        }.map { ($0.row, $0.records) }
    }

    public func record(id: EntityID, caseID: EntityID, officeID: EntityID) async throws -> SealedRecord? {
        try database.read { state in
            guard let file = state.cases[caseID], file.officeID == officeID else { return nil }
            return file.records[id]?.sealed()
        }
    }

    public func facets(caseID: EntityID, officeID: EntityID) async throws -> SealedFacets? {
        try database.read { state in
            state.facets(ofCase: caseID).flatMap { row in
                row.officeID == officeID
                    ? SealedFacets(id: row.id, month: row.month, keyVersion: row.keyVersion, ciphertext: row.ciphertext) : nil
            }
        }
    }

    /// Tallies per month, months in order.
    public func tallies(officeID: EntityID) async throws -> [(month: String, count: Int)] {
        let counts = try database.read { state in
            Dictionary(grouping: state.tallies.filter { $0.officeID == officeID }, by: \.tally.month).mapValues(\.count)
        }
        return counts.sorted { Binary.less($0.key, $1.key) }.map { (month: $0.key, count: $0.value) }
    }

    /// Covers of the office by the absent member's username; names as `member` holds them now.
    public func covers(officeID: EntityID) async throws -> [MemberCover] {
        try database.read { state in
            state.covers.compactMap { absentID, cover -> MemberCover? in
                guard cover.officeID == officeID, let absent = state.members[absentID], let standIn = state.members[cover.coverID]
                else { return nil }
                return MemberCover(
                    absentID: absentID, absent: absent.username, coverID: cover.coverID, cover: standIn.username, from: cover.from,
                    until: cover.until)
            }.sorted { Binary.less($0.absent, $1.absent) }
        }
    }

    /// Counts with the query's filters and, as SQLite's count does, its cursor (not its limit).
    public func countCases(_ query: CaseQuery) async throws -> Int {
        // The count is of the whole list: the cursor only pages it.
        var whole = query
        whole.after = nil
        return try database.read { state in state.ordered(whole).count }
    }
}
