import Members
import SichtbarCore

/// The store seam for casework: listing, opening, creating and changing an office's cases, each
/// change with its audit events in one transaction. CaseStore implements it over SQLite;
/// `InMemoryCaseFileStore` serves the core tests.
public protocol CaseFileStore: Sendable {
    /// Whether every counsellor of the office sees every case (else only assignees and leads).
    func teamAccess(officeID: EntityID) async throws -> Bool
    func setTeamAccess(officeID: EntityID, open: Bool, audit: AuditEvent) async throws

    /// One page of the office's cases, in the query's order.
    func cases(_ query: CaseQuery) async throws -> [CaseFileRow]
    /// The same cases with only their sort keys and sealed classifications: what the search by
    /// category code scans, hundreds at a time, without reading keys or sheets.
    func classifiedCases(_ query: CaseQuery) async throws -> [ClassifiedCase]
    /// Cases of the office by id (those a search matched); others are missing.
    func cases(ids: [EntityID], officeID: EntityID) async throws -> [EntityID: CaseFileRow]
    /// One case of the office with every record; nil when it is not the office's. Scanned files
    /// and letters come without their ciphertext (empty): a case holds up to dozens of scans of
    /// up to 10 MiB each, and opening or changing the case needs only their ids.
    func caseFile(id: EntityID, officeID: EntityID) async throws -> (CaseFileRow, [SealedRecord])?
    /// One record of one of the office's cases with its ciphertext (a scan, a letter); nil when
    /// the record, the case or the office does not match.
    func record(id: EntityID, caseID: EntityID, officeID: EntityID) async throws -> SealedRecord?
    /// The counsellor's classification of a case, if any.
    func facets(caseID: EntityID, officeID: EntityID) async throws -> SealedFacets?

    func create(_ file: NewCaseFile) async throws
    /// Throws `CaseFileStoreError.conflict` when the revision (or the authenticator) moved on, `.notFound` when the case is gone.
    func update(_ update: CaseUpdate) async throws
    /// Writes a caught-up authenticator (`CaseIntegritySeal`); false, writing nothing, when the
    /// case's revision or authenticator moved on since it was read.
    func sealIntegrity(_ seal: CaseIntegritySeal) async throws -> Bool
    /// Crypto-shreds a case: keys, records, mailbox, assignees; the classification stays, unlinked.
    func shred(id: EntityID, officeID: EntityID, expectedRevision: Int, audit: [AuditEvent]) async throws

    func recordTally(_ tally: ContactTally, officeID: EntityID, audit: AuditEvent) async throws
    /// Tallies per month for the office: (month, count).
    func tallies(officeID: EntityID) async throws -> [(month: String, count: Int)]
    /// Clears the case's unread mark for the reporter's messages and files, with its audit event.
    func markReporterRead(caseID: EntityID, officeID: EntityID, audit: AuditEvent) async throws
    /// The office's covers, ended ones included until removed.
    func covers(officeID: EntityID) async throws -> [MemberCover]
    /// Sets (or replaces) the cover for `cover.absentID`, with its audit event.
    func setCover(_ cover: MemberCover, officeID: EntityID, audit: AuditEvent) async throws
    /// Ends the cover of an absent member, with its audit event.
    func endCover(absentID: EntityID, officeID: EntityID, audit: AuditEvent) async throws
    /// Sets or lifts a legal hold (retention suspended), with its audit event.
    func setLegalHold(caseID: EntityID, officeID: EntityID, hold: Bool, audit: AuditEvent) async throws
    /// How many cases match the query's filters (its cursor and limit are ignored).
    func countCases(_ query: CaseQuery) async throws -> Int
}

/// Why a case change was not written.
public enum CaseFileStoreError: Error, Sendable, Equatable {
    /// Someone changed the case meanwhile.
    case conflict
    case notFound
}
