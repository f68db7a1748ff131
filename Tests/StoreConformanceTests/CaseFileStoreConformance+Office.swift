import Casework
import Foundation
import Members
import SichtbarCore
import SichtbarTesting
import Testing

/// `CaseFileStore`: what belongs to the office rather than one case (team access, tallies,
/// covers) and the per-case marks (reporter read, legal hold).
extension CaseFileStoreConformance {
    /// A new office's counsellors see every case until a lead closes it to assignees and leads.
    @Test(arguments: Engine.allCases) func teamAccessIsOpenUntilClosedPerOffice(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        #expect(try await fixture.caseFiles.teamAccess(officeID: fixture.office.id))
        try await fixture.caseFiles.setTeamAccess(
            officeID: fixture.office.id, open: false, audit: fixture.event("lead.a", .caseAssigned, "team"))
        #expect(!(try await fixture.caseFiles.teamAccess(officeID: fixture.office.id)))
        #expect(try await fixture.caseFiles.teamAccess(officeID: fixture.other.id), "the other office keeps its own")
        try await fixture.caseFiles.setTeamAccess(
            officeID: fixture.office.id, open: true, audit: fixture.event("lead.a", .caseAssigned, "team"))
        #expect(try await fixture.caseFiles.teamAccess(officeID: fixture.office.id))
        #expect(try await fixture.actions() == ["case.assigned", "case.assigned"])
    }

    /// Team access of an office that does not exist changes nothing and starts no chain.
    @Test(arguments: Engine.allCases) func teamAccessOfAnUnknownOfficeRecordsNothing(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let nowhere = EntityID.random()
        try? await fixture.caseFiles.setTeamAccess(officeID: nowhere, open: false, audit: fixture.event("lead.a", .caseAssigned, "team"))
        let actions = try await fixture.actions(nowhere)
        #expect(actions.isEmpty)
        #expect(try await fixture.members.offices().count == 2)
    }

    @Test(arguments: Engine.allCases) func talliesAreCountedPerMonthInMonthOrder(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        for month in ["2026-03", "2026-01", "2026-03"] {
            try await fixture.caseFiles.recordTally(
                ContactTally(month: month, channel: "telefon", ground: "rassismus", referral: nil), officeID: fixture.office.id,
                audit: fixture.event("berater.a", .tallyRecorded, month))
        }
        try await fixture.caseFiles.recordTally(
            ContactTally(month: "2026-02", channel: "email", ground: nil, referral: nil), officeID: fixture.other.id,
            audit: fixture.event("lead.b", .tallyRecorded, "2026-02"))
        let tallies = try await fixture.caseFiles.tallies(officeID: fixture.office.id)
        #expect(tallies.map(\.month) == ["2026-01", "2026-03"])
        #expect(tallies.map(\.count) == [1, 2])
        #expect(try await fixture.stores.statistics.tallyCount(officeID: fixture.office.id, months: ["2026-03"]) == 2)
        #expect(
            try await fixture.stores.statistics.tallyCount(officeID: fixture.office.id, months: ["2026-01", "2026-02", "2026-03"]) == 3)
        #expect(try await fixture.stores.statistics.tallyCount(officeID: fixture.other.id, months: ["2026-03"]) == 0)
        #expect(try await fixture.actions() == ["tally.recorded", "tally.recorded", "tally.recorded"])
        #expect(try await fixture.actions(fixture.other.id) == ["tally.recorded"])
    }

    /// A cover is set, replaced, listed by the absent member's name, and ended once.
    @Test(arguments: Engine.allCases) func coversAreSetReplacedAndEnded(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let anna = try await ConformanceFixture.add("anna", .counsellor, to: fixture.office, keys: fixture.keys, in: fixture.stores)
        let first = MemberCover(
            absentID: fixture.counsellor.id, absent: "berater.a", coverID: anna.id, cover: "anna", from: day("2026-03-10"),
            until: day("2026-03-20"))
        let annaAway = MemberCover(
            absentID: anna.id, absent: "anna", coverID: fixture.lead.id, cover: "lead.a", from: day("2026-03-01"), until: day("2026-03-05"))
        try await fixture.caseFiles.setCover(first, officeID: fixture.office.id, audit: fixture.event("lead.a", .coverSet, "berater.a"))
        try await fixture.caseFiles.setCover(annaAway, officeID: fixture.office.id, audit: fixture.event("lead.a", .coverSet, "anna"))
        #expect(
            try await fixture.caseFiles.covers(officeID: fixture.office.id) == [annaAway, first],
            "by the absent member's name, ended ones too")
        let replaced = MemberCover(
            absentID: fixture.counsellor.id, absent: "berater.a", coverID: fixture.lead.id, cover: "lead.a", from: day("2026-03-12"),
            until: day("2026-03-30"))
        try await fixture.caseFiles.setCover(replaced, officeID: fixture.office.id, audit: fixture.event("lead.a", .coverSet, "berater.a"))
        #expect(try await fixture.caseFiles.covers(officeID: fixture.office.id) == [annaAway, replaced], "one cover per absent member")
        #expect(try await fixture.caseFiles.covers(officeID: fixture.other.id).isEmpty)
        try await fixture.caseFiles.endCover(
            absentID: fixture.counsellor.id, officeID: fixture.office.id, audit: fixture.event("lead.a", .coverEnded, "berater.a"))
        #expect(try await fixture.caseFiles.covers(officeID: fixture.office.id) == [annaAway])
        await #expect(throws: CaseFileStoreError.notFound) {
            try await fixture.caseFiles.endCover(
                absentID: fixture.counsellor.id, officeID: fixture.office.id, audit: fixture.event("lead.a", .coverEnded))
        }
        #expect(try await fixture.actions() == ["member.cover_set", "member.cover_set", "member.cover_set", "member.cover_ended"])
    }

    /// A reporter's addition marks the case unread until a counsellor reads it.
    @Test(arguments: Engine.allCases) func theReporterUnreadMarkIsSetAndCleared(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let report = try await fixture.submit()
        #expect(try await fixture.row(report.caseID)?.reporterUnread == false)
        try await fixture.stores.reports.append([
            SealedRecord(id: .random(), caseID: report.caseID, kind: .message, keyVersion: 1, ciphertext: [1])
        ])
        #expect(try await fixture.row(report.caseID)?.reporterUnread == true)
        try await fixture.caseFiles.markReporterRead(
            caseID: report.caseID, officeID: fixture.office.id, audit: fixture.event("lead.a", .caseReporterRead, report.caseID.hex))
        #expect(try await fixture.row(report.caseID)?.reporterUnread == false)
        await #expect(throws: CaseFileStoreError.notFound) {
            try await fixture.caseFiles.markReporterRead(
                caseID: report.caseID, officeID: fixture.other.id, audit: fixture.event("lead.b", .caseReporterRead))
        }
        await #expect(throws: CaseFileStoreError.notFound) {
            try await fixture.caseFiles.markReporterRead(
                caseID: .random(), officeID: fixture.office.id, audit: fixture.event("lead.a", .caseReporterRead))
        }
        #expect(try await fixture.actions() == ["case.reporter_read"])
        #expect(try await fixture.actions(fixture.other.id).isEmpty)
    }

    @Test(arguments: Engine.allCases) func aLegalHoldIsSetAndLiftedOnTheOfficesCaseOnly(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let row = try await fixture.create(fixture.newCase(audit: false))
        try await fixture.caseFiles.setLegalHold(
            caseID: row.id, officeID: fixture.office.id, hold: true, audit: fixture.event("lead.a", .legalHoldSet, row.id.hex))
        #expect(try await fixture.row(row.id)?.legalHold == true)
        #expect(try await fixture.stores.retention.retentionCandidates().first { $0.id == row.id }?.legalHold == true)
        await #expect(throws: CaseFileStoreError.notFound) {
            try await fixture.caseFiles.setLegalHold(
                caseID: row.id, officeID: fixture.other.id, hold: false, audit: fixture.event("lead.b", .legalHoldLifted))
        }
        #expect(try await fixture.row(row.id)?.legalHold == true)
        try await fixture.caseFiles.setLegalHold(
            caseID: row.id, officeID: fixture.office.id, hold: false, audit: fixture.event("lead.a", .legalHoldLifted, row.id.hex))
        #expect(try await fixture.row(row.id)?.legalHold == false)
        #expect(try await fixture.actions() == ["case.legal_hold_set", "case.legal_hold_lifted"])
    }
}
