import Casework
import Foundation
import Intake
import Members
import SichtbarCore
import SichtbarTesting
import Testing
import Workflow

/// `ReportStore`: a sealed report through its mailbox, the reporter's additions, withdrawal and
/// the deletion request; and that the report is the office's case on the casework seam.
@Suite struct ReportStoreConformance {
    @Test(arguments: Engine.allCases) func aSubmittedReportOpensThroughItsMailbox(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let intake = try await fixture.submit()
        let mailbox = try #require(try await fixture.stores.reports.mailbox(lookupID: intake.lookupID))
        #expect(mailbox.caseID == intake.caseID && mailbox.officeID == fixture.office.id)
        #expect(mailbox.step == "eingegangen")
        #expect(!mailbox.touchedByOffice)
        #expect(mailbox.wrappedMailboxKey == intake.wrappedMailboxKey)
        #expect(mailbox.records == intake.records)
        #expect(try await fixture.stores.reports.mailbox(lookupID: ConformanceFixture.bytes(16)) == nil)
    }

    /// One shared state: the report is a Meldung of its office on the casework seam, with a mailbox.
    @Test(arguments: Engine.allCases) func aReportIsACaseOfItsOffice(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let intake = try await fixture.submit(due: day("2026-03-24"))
        let (row, records) = try #require(try await fixture.caseFiles.caseFile(id: intake.caseID, officeID: fixture.office.id))
        #expect(row.kind == "meldung" && row.step == "eingegangen" && row.channel == "online_formular")
        #expect(row.receivedOn == fixture.clock.today && row.nextDue == day("2026-03-24"))
        #expect(row.hasMailbox)
        #expect(row.keys == SealedCaseKeys(caseID: intake.caseID, keyVersion: 1, sealed: intake.sealedKeys))
        #expect(records == intake.records)
        #expect(try await fixture.caseFiles.caseFile(id: intake.caseID, officeID: fixture.other.id) == nil)
        #expect(try await fixture.caseFiles.cases(CaseQuery(officeID: fixture.office.id)).map(\.id) == [intake.caseID])
        #expect(try await fixture.stores.statistics.unclassifiedReports(officeID: fixture.office.id, months: ["2026-03"]) == 1)
        #expect(try await fixture.stores.statistics.unclassifiedReports(officeID: fixture.office.id, months: ["2026-02"]) == 0)
        #expect(try await fixture.stores.retention.retentionCandidates().map(\.id) == [intake.caseID])
        #expect(
            try await fixture.stores.notifications.waitingItems(tomorrow: fixture.clock.today.adding(days: 1)).map(\.caseID) == [
                intake.caseID
            ])
    }

    /// Once the office works the case, the reporter's mailbox says so.
    @Test(arguments: Engine.allCases) func theMailboxSeesTheOfficesChanges(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let intake = try await fixture.submit()
        let row = try #require(try await fixture.row(intake.caseID))
        var update = CaseUpdate(row: row)
        update.step = "erstkontakt"
        let note = SealedRecord(id: .random(), caseID: intake.caseID, kind: .entry, keyVersion: 1, ciphertext: [3])
        let reply = SealedRecord(id: .random(), caseID: intake.caseID, kind: .message, keyVersion: 1, ciphertext: [4])
        update.records = [note, reply]
        try await fixture.caseFiles.update(update)
        let mailbox = try #require(try await fixture.stores.reports.mailbox(lookupID: intake.lookupID))
        #expect(mailbox.touchedByOffice)
        #expect(mailbox.step == "erstkontakt")
        #expect(Set(mailbox.records.map(\.id)) == Set(intake.records.map(\.id) + [reply.id]), "only shared records reach the reporter")
    }

    @Test(arguments: Engine.allCases) func appendedRecordsJoinTheCaseAndEvidenceComesWithoutItsBody(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let intake = try await fixture.submit()
        let message = SealedRecord(id: .random(), caseID: intake.caseID, kind: .message, keyVersion: 1, ciphertext: [1, 2])
        let evidence = SealedRecord(
            id: .random(), caseID: intake.caseID, kind: .reporterFile, keyVersion: 1, ciphertext: ConformanceFixture.bytes(200))
        try await fixture.stores.reports.append([message, evidence])
        let mailbox = try #require(try await fixture.stores.reports.mailbox(lookupID: intake.lookupID))
        #expect(mailbox.records.first { $0.id == message.id } == message)
        #expect(mailbox.records.first { $0.id == evidence.id }?.ciphertext == [])
        #expect(mailbox.records.count == 3)
        #expect(try await fixture.caseFiles.record(id: evidence.id, caseID: intake.caseID, officeID: fixture.office.id) == evidence)
        let row = try #require(try await fixture.row(intake.caseID))
        #expect(row.pendingRecords == [message.id, evidence.id], "the reporter holds no case key: pending until a counsellor folds them")
        #expect(row.reporterUnread)
    }

    @Test(arguments: Engine.allCases) func appendingToAMissingCaseIsNotFound(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let ghost = EntityID.random()
        await #expect(throws: StoreError.notFound) {
            try await fixture.stores.reports.append([
                SealedRecord(id: .random(), caseID: ghost, kind: .message, keyVersion: 1, ciphertext: [1])
            ])
        }
        #expect(try await fixture.caseFiles.countCases(CaseQuery(officeID: fixture.office.id)) == 0)
    }

    /// A withdrawal before the office worked the case shreds everything of it; others stay.
    @Test(arguments: Engine.allCases) func aShreddedReportLeavesNothing(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let kept = try await fixture.submit()
        let gone = try await fixture.submit()
        let message = SealedRecord(id: .random(), caseID: gone.caseID, kind: .message, keyVersion: 1, ciphertext: [1])
        try await fixture.stores.reports.append([message])
        try await fixture.stores.reports.shred(caseID: gone.caseID)
        #expect(try await fixture.stores.reports.mailbox(lookupID: gone.lookupID) == nil)
        #expect(try await fixture.row(gone.caseID) == nil)
        #expect(try await fixture.caseFiles.record(id: message.id, caseID: gone.caseID, officeID: fixture.office.id) == nil)
        #expect(try await fixture.stores.reports.mailbox(lookupID: kept.lookupID) != nil)
        #expect(try await fixture.stores.statistics.unclassifiedReports(officeID: fixture.office.id, months: ["2026-03"]) == 1)
        #expect(try await fixture.stores.retention.retentionCandidates().map(\.id) == [kept.caseID])
        await #expect(throws: StoreError.notFound) { try await fixture.stores.reports.shred(caseID: gone.caseID) }
    }

    /// A shredded report leaves the unclassified count only if it was counted there.
    @Test(arguments: Engine.allCases) func shreddingAClassifiedReportKeepsTheUnclassifiedCount(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let classified = try await fixture.submit()
        try await fixture.submit()
        var classify = CaseUpdate(row: try #require(try await fixture.row(classified.caseID)))
        classify.facets = fixture.facets()
        try await fixture.caseFiles.update(classify)
        #expect(try await fixture.stores.statistics.unclassifiedReports(officeID: fixture.office.id, months: ["2026-03"]) == 1)
        try await fixture.stores.reports.shred(caseID: classified.caseID)
        let unclassified = try await fixture.stores.statistics.unclassifiedReports(officeID: fixture.office.id, months: ["2026-03"])
        #expect(try await fixture.row(classified.caseID) == nil)
        #expect(try await fixture.stores.statistics.sealedFacets(officeID: fixture.office.id, through: "2026-03").count == 1)
        #expect(unclassified == 1, "the other report is still unclassified")
    }

    /// A worked case asks for deletion: the step, the day and an earlier due day.
    @Test(arguments: Engine.allCases) func aDeletionRequestMovesTheCaseAndItsDueDay(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let early = try await fixture.submit(due: day("2026-03-20"))
        let late = try await fixture.submit(due: day("2026-05-01"))
        let requested = day("2026-03-11")
        try await fixture.stores.reports.requestDeletion(caseID: early.caseID, on: requested, due: day("2026-04-11"))
        try await fixture.stores.reports.requestDeletion(caseID: late.caseID, on: requested, due: day("2026-04-11"))
        let earlyRow = try #require(try await fixture.row(early.caseID))
        #expect(earlyRow.step == WorkflowPolicy.deletionRequestedStep)
        #expect(earlyRow.withdrawnOn == requested)
        #expect(earlyRow.nextDue == day("2026-03-20"), "an earlier due day stays")
        #expect(try await fixture.row(late.caseID)?.nextDue == day("2026-04-11"), "the deadline becomes the next due day")
        #expect(try await fixture.stores.reports.mailbox(lookupID: early.lookupID)?.step == WorkflowPolicy.deletionRequestedStep)
        let candidate = try #require(try await fixture.stores.retention.retentionCandidates().first { $0.id == early.caseID })
        #expect(candidate.deletionRequestedOn == requested)
        await #expect(throws: StoreError.notFound) {
            try await fixture.stores.reports.requestDeletion(caseID: .random(), on: requested, due: nil)
        }
    }

    /// A report sealed to a key version the office no longer (or never) had is refused whole.
    @Test(arguments: Engine.allCases) func aReportSealedToAnUnknownKeyVersionIsRefused(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let stale = fixture.intake(keyVersion: 7)
        await #expect(throws: StoreError.self) { try await fixture.stores.reports.submit(stale) }
        #expect(try await fixture.row(stale.caseID) == nil)
        #expect(try await fixture.stores.reports.mailbox(lookupID: stale.lookupID) == nil)
        #expect(try await fixture.stores.statistics.unclassifiedReports(officeID: fixture.office.id, months: ["2026-03"]) == 0)
    }

    @Test(arguments: Engine.allCases) func theSameReportTwiceIsRefusedAndStoredOnce(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let intake = try await fixture.submit()
        await #expect(throws: StoreError.self) { try await fixture.stores.reports.submit(intake) }
        #expect(try await fixture.caseFiles.countCases(CaseQuery(officeID: fixture.office.id)) == 1)
        #expect(try await fixture.stores.statistics.unclassifiedReports(officeID: fixture.office.id, months: ["2026-03"]) == 1)
    }

    @Test(arguments: Engine.allCases) func concurrentReportsAreAllKept(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let intakes = (0..<40).map { _ in fixture.intake() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for intake in intakes { group.addTask { try await fixture.stores.reports.submit(intake) } }
            try await group.waitForAll()
        }
        #expect(try await fixture.caseFiles.countCases(CaseQuery(officeID: fixture.office.id)) == 40)
        #expect(try await fixture.stores.statistics.unclassifiedReports(officeID: fixture.office.id, months: ["2026-03"]) == 40)
        for intake in intakes.prefix(5) {
            #expect(try await fixture.stores.reports.mailbox(lookupID: intake.lookupID)?.caseID == intake.caseID)
        }
    }
}
