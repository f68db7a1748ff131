import Casework
import Foundation
import Intake
import Members
import Sealing
import SichtbarCore
import Statistics
import Workflow

/// Intake, notifications, statistics counts and retention at the store seams.
extension InMemoryStoryWorld {
    func intake(_ index: Int, version: UInt32 = 1, lookup: [UInt8]? = nil) -> SealedIntake {
        SealedIntake(
            caseID: inputs.caseIDs[index], officeID: officeA.id, officeKeyVersion: version, sealedKeys: inputs.bytes,
            lookupID: lookup ?? inputs.lookups[index], wrappedMailboxKey: [UInt8(index)], step: "eingegangen", channel: "online_formular",
            receivedOn: day, nextDue: day.adding(days: 3),
            records: [record(60 + index, .report, case: index), record(70 + index, .contact, case: index)])
    }

    func reports(_ log: inout InMemoryTranscript) async throws {
        let reports = stores.reports
        try await reports.submit(intake(3))
        try await reports.submit(intake(4))
        await log.attempt("submit to an old key") { try await reports.submit(intake(5, version: 2)) }
        await log.attempt("submit a short lookup") { try await reports.submit(intake(5, lookup: [1, 2])) }
        await log.attempt("submit twice") { try await reports.submit(intake(3)) }
        let month = day.monthKey
        log.add("unclassified: \(try await stores.statistics.unclassifiedReports(officeID: officeA.id, months: [month, month]))")
        try await reports.append([record(80, .message, case: 3), record(81, .reporterFile, case: 3)])
        await log.attempt("append to nothing") {
            try await reports.append([SealedRecord(id: .random(), caseID: .random(), kind: .message, keyVersion: 1, ciphertext: [])])
        }
        await log.attempt("append twice") { try await reports.append([record(80, .message, case: 3)]) }
        try await reports.append([record(82, .message, case: 3), record(83, .message, case: 4)])
        if let box = try await reports.mailbox(lookupID: inputs.lookups[3]) {
            log.add(
                "mailbox: \(box.caseID.hex) \(box.step) \(box.touchedByOffice) \(box.records.map { "\($0.id.hex) \($0.kind) \($0.ciphertext.count)" })"
            )
        }
        log.add("no mailbox: \(try await reports.mailbox(lookupID: inputs.lookups[7]) == nil)")
        if let (row, records) = try await stores.caseFiles.caseFile(id: inputs.caseIDs[3], officeID: officeA.id) {
            log.add(
                "opened: \(row.reporterUnread) \(row.hasMailbox) \(row.pendingRecords.map(\.hex).sorted()) \(records.map { "\($0.id.hex) \($0.ciphertext.count)" })"
            )
        }
        try await reports.requestDeletion(caseID: inputs.caseIDs[3], on: day, due: day.adding(days: 30))
        try await reports.requestDeletion(caseID: inputs.caseIDs[4], on: day, due: day.adding(days: 1))
        await log.attempt("withdraw nothing") { try await reports.requestDeletion(caseID: .random(), on: day, due: nil) }
        log.add(
            "waiting: \(try await stores.notifications.waitingItems(tomorrow: day.adding(days: 1)).map { "\($0.caseID.hex) \($0.reason) \($0.assignees.count)" })"
        )
        log.add(
            "waiting 3/10: \(try await stores.notifications.waitingItems(tomorrow: Day(iso: "2026-03-10") ?? day).map { "\($0.caseID.hex) \($0.reason) \($0.assignees.map(\.hex))" })"
        )
        try await reports.shred(caseID: inputs.caseIDs[4])
        await log.attempt("shred nothing") { try await reports.shred(caseID: inputs.caseIDs[4]) }
        log.add("unclassified: \(try await stores.statistics.unclassifiedReports(officeID: officeA.id, months: [month]))")
        log.add(
            "unchecked: \(try await stores.members.uncheckedCaseKeys(officeID: officeA.id, limit: 3).map { "\($0.caseID.hex) \($0.sealedTo?.count ?? 0)" })"
        )
        try await stores.members.markCaseKeysChecked(inputs.caseIDs, officeID: officeA.id, alarms: [])
        log.add("unchecked: \(try await stores.members.uncheckedCaseKeys(officeID: officeA.id, limit: 3).count)")
        log.add("to reseal: \(try await stores.members.casesToReseal(officeID: officeA.id, below: 2, limit: -1).map(\.caseID.hex))")
    }

    func retention(_ log: inout InMemoryTranscript) async throws {
        let retention = stores.retention
        let candidates = try await retention.retentionCandidates()
        log.add(
            "candidates: \(candidates.map { "\($0.id.hex) \($0.step) \($0.legalHold) \($0.classifiedOn.map { _ in "classified" } ?? "-") \($0.deletionRequestedOn != nil)" })"
        )
        let stale = candidates.map { candidate in
            candidate.id == inputs.caseIDs[1]
                ? RetentionCandidate(
                    id: candidate.id, officeID: candidate.officeID, kind: candidate.kind, step: "anders", receivedOn: candidate.receivedOn,
                    classifiedOn: nil, closedOn: nil, deletionRequestedOn: nil, legalHold: false) : candidate
        }
        let shredded = try await retention.shredForRetention(
            stale.map { (candidate: $0, kind: RetentionKind.deletionRequest) }, at: Date(timeIntervalSince1970: 1_790_000_000))
        log.add("shredded: \(shredded.map(\.hex))")
        log.add("orphans: \(try await retention.releasedOrphanFacets().map { "\($0.officeID.hex) \($0.year) \($0.count)" })")
        log.add(
            "dropped: \(try await retention.dropOrphanFacets(try await retention.releasedOrphanFacets(), at: Date(timeIntervalSince1970: 1_790_000_000)))"
        )
        log.add("orphans: \(try await retention.releasedOrphanFacets().count)")
        await log.attempt("freeze a quarter of a dropped year") {
            _ = try await stores.releases.freeze(
                StoredRelease(id: .random(), officeID: officeA.id, period: "2026-Q2", createdAt: "t", keyVersion: 1, sealed: []),
                audit: .member("x", .releaseFrozen))
        }
        log.add("facets: \(try await stores.statistics.sealedFacets(officeID: officeA.id, through: "2026-12").count)")
        await log.attempt("shred stale") {
            try await stores.caseFiles.shred(id: inputs.caseIDs[1], officeID: officeA.id, expectedRevision: 5, audit: [])
        }
        try await stores.caseFiles.shred(
            id: inputs.caseIDs[1], officeID: officeA.id, expectedRevision: 0, audit: [.member("lead.a", .caseShredded)])
        await log.attempt("shred gone") {
            try await stores.caseFiles.shred(id: inputs.caseIDs[1], officeID: officeA.id, expectedRevision: 0, audit: [])
        }
        log.add("left: \(try await retention.retentionCandidates().map(\.id.hex))")
    }

    /// The chains at the end, and their reads.
    func audit(_ log: inout InMemoryTranscript) async throws {
        let store = stores.members
        clock.advance(days: 1)
        let checkpoint = try await store.checkpoint(chain: officeA.id, by: "lead.a")
        log.add("checkpoint: \(checkpoint.sequence) \(checkpoint.head?.isSigned(by: stores.signer.publicKey) ?? false)")
        let empty = EntityID.random()
        try await store.record([], chain: empty)
        log.add(
            "empty chain head: \(try await store.auditHead(chain: empty)?.sequence ?? 99) \(try await store.auditHead(chain: .random()) == nil)"
        )
        log.add("from 3: \(try await store.auditEntries(chain: officeA.id, from: 3, limit: 2).map(\.sequence))")
        log.add(
            "system: \(try await store.auditEntries(chain: officeA.id, filter: AuditFilter(actor: "system"), before: nil, limit: 5).map(\.sequence))"
        )
        var byCase = AuditFilter()
        byCase.subjects = (inputs.caseIDs[0].hex, nil)
        log.add("from case 0: \(try await store.auditEntries(chain: officeA.id, filter: byCase, before: 30, limit: 50).count)")
        log.add("case 0: \(try await store.auditEntries(chain: officeA.id, subject: inputs.caseIDs[0].hex, limit: 9).map(\.event.action))")
        log.addAudit(try await store.auditEntries(chain: officeA.id, from: 0, limit: -1))
        log.addAudit(try await store.auditEntries(chain: officeB.id, from: 0, limit: -1))
    }
}
