import Casework
import Foundation
import Members
import SichtbarCore
import SichtbarTesting
import Testing

/// `CaseFileStore`: creating, opening, changing and shredding an office's cases, each change
/// with its audit events, and what a refused change leaves (nothing).
@Suite struct CaseFileStoreConformance {
    @Test(arguments: Engine.allCases) func aCreatedCaseOpensWithEveryRecord(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let file = fixture.newCase(due: day("2026-03-20"), assignees: [fixture.assignment(fixture.counsellor)], records: 2)
        try await fixture.caseFiles.create(file)
        let (row, records) = try #require(try await fixture.caseFiles.caseFile(id: file.id, officeID: fixture.office.id))
        #expect(row.id == file.id && row.officeID == fixture.office.id)
        #expect(row.kind == "beratungsfall" && row.step == "erstkontakt" && row.channel == "telefon")
        #expect(row.receivedOn == ConformanceFixture.start && row.nextDue == day("2026-03-20") && row.closedOn == nil)
        #expect(row.keys == SealedCaseKeys(caseID: file.id, keyVersion: 1, sealed: file.sealedKeys))
        #expect(row.assignees == [fixture.assignment(fixture.counsellor)])
        #expect(!row.hasMailbox && !row.reporterUnread && !row.legalHold && row.sheet == nil && row.withdrawnOn == nil)
        #expect(Set(records.map(\.id)) == Set(file.records.map(\.id)))
        #expect(records.allSatisfy { record in file.records.contains(record) }, "entries come with their ciphertext")
        #expect(try await fixture.caseFiles.caseFile(id: file.id, officeID: fixture.other.id) == nil, "not another office's")
        #expect(try await fixture.caseFiles.caseFile(id: .random(), officeID: fixture.office.id) == nil)
        let entries = try await fixture.entries()
        #expect(entries.map(\.action) == ["case.created"] && entries.first?.event.subject == file.id.hex)
        #expect(try await fixture.verify() == .intact(count: 1))
    }

    /// A case that arrives closed (an import) keeps its closing day.
    @Test(arguments: Engine.allCases) func aCaseThatArrivesClosedKeepsItsClosingDay(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let row = try await fixture.create(fixture.newCase(step: "abschluss", closedOn: day("2026-03-01")))
        #expect(row.step == "abschluss")
        #expect(row.closedOn == day("2026-03-01"))
    }

    /// Scans and letters open without their bodies; `record` gives one body, to its own office only.
    @Test(arguments: Engine.allCases) func filesComeWithoutBodiesUntilAskedForOneByOne(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let row = try await fixture.create(fixture.newCase())
        let scan = SealedRecord(
            id: .random(), caseID: row.id, kind: .documentFile, keyVersion: 1, ciphertext: ConformanceFixture.bytes(300))
        let letter = SealedRecord(id: .random(), caseID: row.id, kind: .letter, keyVersion: 1, ciphertext: ConformanceFixture.bytes(90))
        var update = CaseUpdate(row: row)
        update.records = [scan, letter]
        try await fixture.caseFiles.update(update)
        let records = try #require(try await fixture.caseFiles.caseFile(id: row.id, officeID: fixture.office.id)).1
        #expect(records.first { $0.id == scan.id }?.ciphertext == [])
        #expect(records.first { $0.id == letter.id }?.ciphertext == [])
        #expect(try await fixture.caseFiles.record(id: scan.id, caseID: row.id, officeID: fixture.office.id) == scan)
        #expect(try await fixture.caseFiles.record(id: letter.id, caseID: row.id, officeID: fixture.office.id) == letter)
        #expect(try await fixture.caseFiles.record(id: scan.id, caseID: row.id, officeID: fixture.other.id) == nil)
        #expect(try await fixture.caseFiles.record(id: scan.id, caseID: .random(), officeID: fixture.office.id) == nil)
    }

    @Test(arguments: Engine.allCases) func anUpdateChangesTheCaseAndMovesItsRevision(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let row = try await fixture.create(fixture.newCase(records: 2))
        let removed = try #require(try await fixture.caseFiles.caseFile(id: row.id, officeID: fixture.office.id)).1[0]
        let sheet = SealedRecord(id: .random(), caseID: row.id, kind: .sheet, keyVersion: 1, ciphertext: ConformanceFixture.bytes())
        let note = SealedRecord(id: .random(), caseID: row.id, kind: .entry, keyVersion: 1, ciphertext: ConformanceFixture.bytes())
        var update = CaseUpdate(row: row)
        update.kind = "organisationsberatung"
        update.step = "abschluss"
        update.nextDue = day("2026-04-01")
        update.closedOn = day("2026-03-12")
        update.sheet = sheet
        update.records = [note]
        update.removedRecords = [removed.id]
        update.assignees = [fixture.assignment(fixture.lead), fixture.assignment(fixture.counsellor, .vertretung)]
        update.audit = [fixture.event("lead.a", .caseTransitioned, "\(row.id.hex) erstkontakt→abschluss")]
        try await fixture.caseFiles.update(update)

        let (changed, records) = try #require(try await fixture.caseFiles.caseFile(id: row.id, officeID: fixture.office.id))
        #expect(changed.revision == row.revision + 1)
        #expect(changed.kind == "organisationsberatung" && changed.step == "abschluss")
        #expect(changed.nextDue == day("2026-04-01") && changed.closedOn == day("2026-03-12"))
        #expect(changed.sheet == sheet, "the sheet comes with the row, not among the records")
        #expect(!records.contains { $0.id == removed.id } && records.contains(note) && !records.contains { $0.kind == .sheet })
        #expect(Set(changed.assignees.map(\.memberID)) == [fixture.lead.id, fixture.counsellor.id])
        #expect(changed.assignees.first { $0.memberID == fixture.counsellor.id }?.role == .vertretung)

        var second = CaseUpdate(row: changed)
        let newSheet = SealedRecord(id: .random(), caseID: row.id, kind: .sheet, keyVersion: 1, ciphertext: ConformanceFixture.bytes())
        second.sheet = newSheet
        second.assignees = []
        try await fixture.caseFiles.update(second)
        let again = try #require(try await fixture.row(row.id))
        #expect(again.sheet == newSheet, "one sheet per case, replaced")
        #expect(again.assignees.isEmpty)
        #expect(again.revision == row.revision + 2)
        #expect(try await fixture.actions() == ["case.created", "case.transitioned"])
    }

    /// Two counsellors read revision n; the second write is refused and changes nothing.
    @Test(arguments: Engine.allCases) func aStaleRevisionConflictsAndChangesNothing(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let row = try await fixture.create(fixture.newCase())
        var first = CaseUpdate(row: row)
        first.step = "intervention"
        try await fixture.caseFiles.update(first)
        var stale = CaseUpdate(row: row)
        stale.step = "abschluss"
        stale.records = [SealedRecord(id: .random(), caseID: row.id, kind: .entry, keyVersion: 1, ciphertext: [1])]
        stale.facets = fixture.facets()
        stale.assignees = [fixture.assignment(fixture.lead)]
        stale.audit = [fixture.event("lead.a", .caseTransitioned, row.id.hex)]
        await #expect(throws: CaseFileStoreError.conflict) { try await fixture.caseFiles.update(stale) }
        let (after, records) = try #require(try await fixture.caseFiles.caseFile(id: row.id, officeID: fixture.office.id))
        #expect(after.step == "intervention" && after.revision == row.revision + 1 && after.assignees.isEmpty)
        #expect(records.count == 1)
        #expect(try await fixture.caseFiles.facets(caseID: row.id, officeID: fixture.office.id) == nil)
        #expect(try await fixture.actions() == ["case.created"])
    }

    @Test(arguments: Engine.allCases) func anUpdateOfAMissingCaseIsNotFound(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let row = try await fixture.create(fixture.newCase())
        let elsewhere = CaseUpdate(
            row: CaseFileRow(
                id: row.id, officeID: fixture.other.id, kind: row.kind, step: row.step, channel: row.channel, receivedOn: row.receivedOn,
                nextDue: nil, closedOn: nil, revision: row.revision, keys: row.keys, hasMailbox: false, assignees: [], sheet: nil))
        await #expect(throws: CaseFileStoreError.notFound, "another office's case is not there") {
            try await fixture.caseFiles.update(elsewhere)
        }
        try await fixture.caseFiles.shred(id: row.id, officeID: fixture.office.id, expectedRevision: row.revision, audit: [])
        await #expect(throws: CaseFileStoreError.notFound) { try await fixture.caseFiles.update(CaseUpdate(row: row)) }
        #expect(try await fixture.actions(fixture.other.id).isEmpty)
    }

    /// A changed authenticator counts as a change: the update and the integrity seal both back off.
    @Test(arguments: Engine.allCases) func theAuthenticatorGuardsUpdatesAndSeals(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let row = try await fixture.create(fixture.newCase())
        let seal = CaseIntegritySeal(
            caseID: row.id, officeID: fixture.office.id, expectedRevision: row.revision, expectedAuthenticator: nil, authenticator: [7, 7],
            folded: [], sheet: nil, sealedKeys: nil, keyVersion: 1)
        #expect(try await fixture.caseFiles.sealIntegrity(seal))
        #expect(try await fixture.row(row.id)?.authenticator == [7, 7])
        #expect(try await fixture.row(row.id)?.revision == row.revision, "a seal is no change of the case")
        #expect(!(try await fixture.caseFiles.sealIntegrity(seal)), "the authenticator moved on since")
        await #expect(throws: CaseFileStoreError.conflict) { try await fixture.caseFiles.update(CaseUpdate(row: row)) }
        var update = CaseUpdate(row: try #require(try await fixture.row(row.id)))
        update.authenticator = [8, 8]
        try await fixture.caseFiles.update(update)
        #expect(try await fixture.row(row.id)?.authenticator == [8, 8])
        let stale = CaseIntegritySeal(
            caseID: row.id, officeID: fixture.office.id, expectedRevision: row.revision, expectedAuthenticator: [8, 8], authenticator: [9],
            folded: [], sheet: nil, sealedKeys: nil, keyVersion: 1)
        #expect(!(try await fixture.caseFiles.sealIntegrity(stale)), "the revision moved on")
        #expect(try await fixture.row(row.id)?.authenticator == [8, 8])
    }

    /// An integrity seal may bring the case's sheet with it: the one sheet is replaced, the revision kept.
    @Test(arguments: Engine.allCases) func aSealReplacesTheSheet(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let row = try await fixture.create(fixture.newCase())
        let sheet = SealedRecord(id: .random(), caseID: row.id, kind: .sheet, keyVersion: 1, ciphertext: [6, 6])
        let seal = CaseIntegritySeal(
            caseID: row.id, officeID: fixture.office.id, expectedRevision: row.revision, expectedAuthenticator: nil, authenticator: [1],
            folded: [], sheet: sheet, sealedKeys: nil, keyVersion: 1)
        #expect(try await fixture.caseFiles.sealIntegrity(seal))
        let (after, records) = try #require(try await fixture.caseFiles.caseFile(id: row.id, officeID: fixture.office.id))
        #expect(after.sheet == sheet)
        #expect(after.revision == row.revision)
        #expect(records.count == 1, "the sheet is not among the records")
        let otherOffice = CaseIntegritySeal(
            caseID: row.id, officeID: fixture.other.id, expectedRevision: row.revision, expectedAuthenticator: [1], authenticator: [2],
            folded: [], sheet: nil, sealedKeys: nil, keyVersion: 1)
        #expect(!(try await fixture.caseFiles.sealIntegrity(otherOffice)))
        #expect(try await fixture.row(row.id)?.authenticator == [1])
    }

    /// A reporter's message is pending until a seal folds it in.
    @Test(arguments: Engine.allCases) func aSealFoldsPendingReporterRecords(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let report = try await fixture.submit()
        let message = SealedRecord(id: .random(), caseID: report.caseID, kind: .message, keyVersion: 1, ciphertext: [4, 2])
        try await fixture.stores.reports.append([message])
        let row = try #require(try await fixture.row(report.caseID))
        #expect(row.pendingRecords == [message.id])
        let seal = CaseIntegritySeal(
            caseID: row.id, officeID: fixture.office.id, expectedRevision: row.revision, expectedAuthenticator: row.authenticator,
            authenticator: [1], folded: [message.id], sheet: nil, sealedKeys: [5, 5], keyVersion: 1)
        #expect(try await fixture.caseFiles.sealIntegrity(seal))
        let sealed = try #require(try await fixture.row(report.caseID))
        #expect(sealed.pendingRecords.isEmpty)
        #expect(sealed.keys.sealed == [5, 5])
    }

    @Test(arguments: Engine.allCases) func shreddingLeavesTheClassificationOnly(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let file = fixture.newCase()
        let row = try await fixture.create(file)
        var classify = CaseUpdate(row: row)
        let facets = fixture.facets()
        classify.facets = facets
        try await fixture.caseFiles.update(classify)
        #expect(try await fixture.caseFiles.facets(caseID: row.id, officeID: fixture.office.id) == facets)
        #expect(try await fixture.caseFiles.facets(caseID: row.id, officeID: fixture.other.id) == nil)
        await #expect(throws: CaseFileStoreError.conflict) {
            try await fixture.caseFiles.shred(id: row.id, officeID: fixture.office.id, expectedRevision: row.revision, audit: [])
        }
        #expect(try await fixture.row(row.id) != nil, "a refused shred keeps the case")
        await #expect(throws: CaseFileStoreError.notFound) {
            try await fixture.caseFiles.shred(id: row.id, officeID: fixture.other.id, expectedRevision: row.revision + 1, audit: [])
        }
        try await fixture.caseFiles.shred(
            id: row.id, officeID: fixture.office.id, expectedRevision: row.revision + 1,
            audit: [fixture.event("lead.a", .caseShredded, row.id.hex)])
        #expect(try await fixture.row(row.id) == nil)
        #expect(try await fixture.caseFiles.facets(caseID: row.id, officeID: fixture.office.id) == nil, "unlinked from the gone case")
        #expect(try await fixture.caseFiles.record(id: file.records[0].id, caseID: row.id, officeID: fixture.office.id) == nil)
        #expect(try await fixture.caseFiles.cases(CaseQuery(officeID: fixture.office.id)).isEmpty)
        #expect(
            try await fixture.stores.statistics.sealedFacets(officeID: fixture.office.id, through: "9999-12") == [facets], "counted still")
        #expect(try await fixture.actions() == ["case.created", "case.shredded"])
        await #expect(throws: CaseFileStoreError.notFound) {
            try await fixture.caseFiles.shred(id: row.id, officeID: fixture.office.id, expectedRevision: row.revision + 1, audit: [])
        }
    }

    /// Eight writers read revision n; exactly one update lands, the rest conflict.
    @Test(arguments: Engine.allCases) func concurrentUpdatesOfOneRevisionLetOneWin(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let row = try await fixture.create(fixture.newCase(audit: false))
        let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<8 {
                group.addTask {
                    var update = CaseUpdate(row: row)
                    update.step = "step-\(index)"
                    update.audit = [fixture.event("lead.a", .caseTransitioned, row.id.hex)]
                    do {
                        try await fixture.caseFiles.update(update)
                        return true
                    } catch CaseFileStoreError.conflict {
                        return false
                    }
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
        #expect(try await fixture.row(row.id)?.revision == row.revision + 1)
        #expect(try await fixture.actions() == ["case.transitioned"])
        #expect(try await fixture.verify() == .intact(count: 1))
    }
}
