import Casework
import Foundation
import Intake
import Members
import Sealing
import SichtbarCore
import Workflow

/// Cases, intake and retention at the store seams.
extension InMemoryStoryWorld {
    func record(_ index: Int, _ kind: RecordKind, case caseIndex: Int) -> SealedRecord {
        SealedRecord(id: recordID(index), caseID: inputs.caseIDs[caseIndex], kind: kind, keyVersion: 1, ciphertext: inputs.bytes)
    }

    /// Record ids made from case ids, so both engines get the same.
    func recordID(_ index: Int) -> EntityID {
        EntityID(bytes: Array(inputs.caseIDs[index % 8].bytes.prefix(15)) + [UInt8(index)]) ?? inputs.caseIDs[0]
    }

    func newCase(_ index: Int, received: String, due: String?, step: String = "erstkontakt", assignees: [Member] = []) -> NewCaseFile {
        NewCaseFile(
            id: inputs.caseIDs[index], officeID: officeA.id, keyVersion: 1, sealedKeys: inputs.bytes, kind: "beratungsfall", step: step,
            channel: "telefon", receivedOn: Day(iso: received) ?? day, nextDue: due.flatMap(Day.init(iso:)),
            records: [
                record(10 + index, .sheet, case: index), record(20 + index, .entry, case: index),
                record(30 + index, .documentFile, case: index),
            ],
            assignees: assignees.map { CaseAssignment(memberID: $0.id, username: "ignored", role: .beratung) },
            audit: [.member("lead.a", .caseCreated, inputs.caseIDs[index].hex)], sealedTo: Array(inputs.bytes.prefix(16)),
            authenticator: [UInt8(index)])
    }

    func list(_ query: CaseQuery) async throws -> String {
        try await stores.caseFiles.cases(query).map { "\($0.id.hex)/\($0.revision)/\($0.assignees.map(\.username))" }.joined(separator: " ")
    }

    func cases(_ log: inout InMemoryTranscript) async throws {
        let files = stores.caseFiles
        try await files.create(newCase(0, received: "2026-03-01", due: "2026-03-10", assignees: [first]))
        try await files.create(newCase(1, received: "2026-03-01", due: nil))
        try await files.create(newCase(2, received: "2026-02-01", due: "2026-03-05", step: "abschluss", assignees: [first, lead]))
        await log.attempt("create twice") { try await files.create(newCase(0, received: "2026-03-01", due: nil)) }
        await log.attempt("create with a stranger") {
            var file = newCase(5, received: "2026-03-01", due: nil)
            file = NewCaseFile(
                id: file.id, officeID: file.officeID, keyVersion: 1, sealedKeys: [], kind: "x", step: "x", channel: "x", receivedOn: day,
                nextDue: nil,
                records: [], assignees: [CaseAssignment(memberID: .random(), username: "x", role: .vertretung)], audit: [])
            try await files.create(file)
        }
        await log.attempt("create for no office") {
            try await files.create(
                NewCaseFile(
                    id: inputs.caseIDs[6], officeID: .random(), keyVersion: 1, sealedKeys: [], kind: "x", step: "x", channel: "x",
                    receivedOn: day,
                    nextDue: nil, records: [], assignees: [], audit: []))
        }
        var query = CaseQuery(officeID: officeA.id, limit: 2)
        log.add("page 1: \(try await list(query))")
        let page = try await files.cases(query)
        if let last = page.last { query.after = CaseCursor(day: last.receivedOn, id: last.id) }
        log.add("page 2: \(try await list(query)) count \(try await files.countCases(query))")
        log.add("mine: \(try await list(CaseQuery(officeID: officeA.id, assignedTo: [first.id])))")
        log.add("visible to none: \(try await list(CaseQuery(officeID: officeA.id, visibleTo: [])))")
        var unassigned = CaseQuery(officeID: officeA.id)
        unassigned.unassigned = true
        unassigned.excludedSteps = ["abschluss"]
        log.add("unassigned: \(try await list(unassigned))")
        let due = CaseQuery(officeID: officeA.id, due: .until(Day(iso: "2026-03-31") ?? day))
        log.add("due: \(try await list(due)) classified \(try await files.classifiedCases(due).map { "\($0.id.hex) \($0.sortDay)" })")
        log.add("overdue: \(try await list(CaseQuery(officeID: officeA.id, due: .overdue(today: Day(iso: "2026-03-06") ?? day))))")
        var urgent = CaseQuery(officeID: officeA.id)
        urgent.urgency = CaseQuery.Urgency(today: Day(iso: "2026-03-06") ?? day, soon: Day(iso: "2026-03-12") ?? day)
        log.add("urgency: \(try await list(urgent))")
        urgent.after = CaseCursor(day: Day(iso: "2026-03-10") ?? day, id: inputs.caseIDs[0], bucket: 2)
        log.add("urgency after: \(try await list(urgent)) count \(try await files.countCases(urgent))")
        let range = CaseQuery(officeID: officeA.id, idRange: CaseQuery.IDRange(lower: Array(inputs.caseIDs[1].bytes.prefix(2)), upper: nil))
        log.add("range: \(try await files.countCases(range))")
        try await update(&log)
    }

    func update(_ log: inout InMemoryTranscript) async throws {
        let files = stores.caseFiles
        let id = inputs.caseIDs[0]
        guard let (row, records) = try await files.caseFile(id: id, officeID: officeA.id) else { return }
        log.add("opened: \(row.sheet?.id.hex ?? "-") \(records.map { "\($0.kind) \($0.ciphertext.count)" }) \(row.authenticator ?? [])")
        log.add("scan: \(try await files.record(id: recordID(30), caseID: id, officeID: officeA.id)?.ciphertext.count ?? -1)")
        log.add("not B's: \(try await files.caseFile(id: id, officeID: officeB.id) == nil)")
        var change = CaseUpdate(row: row)
        change.step = WorkflowPolicy.deletionRequestedStep
        change.sheet = record(40, .sheet, case: 0)
        change.records = [record(41, .entry, case: 0)]
        change.removedRecords = [recordID(30), recordID(40)]
        change.assignees = [CaseAssignment(memberID: lead.id, username: "x", role: .coBeratung)]
        change.facets = SealedFacets(id: recordID(50), month: "2026-03", keyVersion: 1, ciphertext: inputs.bytes)
        change.authenticator = [9]
        change.audit = [.member("lead.a", .caseTransitioned, id.hex + " a→b")]
        try await files.update(change)
        await log.attempt("stale update") { try await files.update(change) }
        var gone = CaseUpdate(row: row)
        gone.audit = []
        await log.attempt("update of another office") {
            try await files.update(
                CaseUpdate(
                    row: CaseFileRow(
                        id: id, officeID: officeB.id, kind: "", step: "", channel: "", receivedOn: day, nextDue: nil, closedOn: nil,
                        revision: 0,
                        keys: row.keys, hasMailbox: false, assignees: [], sheet: nil)))
        }
        guard let (after, afterRecords) = try await files.caseFile(id: id, officeID: officeA.id) else { return }
        log.add(
            "after: \(after.revision) \(after.step) \(after.sheet?.id.hex ?? "-") \(afterRecords.map(\.id.hex).sorted()) \(after.assignees.map(\.username))"
        )
        log.add("facets: \(try await files.facets(caseID: id, officeID: officeA.id)?.id.hex ?? "-")")
        let seal = CaseIntegritySeal(
            caseID: id, officeID: officeA.id, expectedRevision: 0, expectedAuthenticator: nil, authenticator: [1], folded: [], sheet: nil,
            sealedKeys: nil, keyVersion: 1)
        log.add("stale seal: \(try await files.sealIntegrity(seal))")
        let fresh = CaseIntegritySeal(
            caseID: id, officeID: officeA.id, expectedRevision: 1, expectedAuthenticator: [9], authenticator: [10], folded: [], sheet: nil,
            sealedKeys: [5, 5], keyVersion: 1)
        log.add(
            "seal: \(try await files.sealIntegrity(fresh)) \(try await files.caseFile(id: id, officeID: officeA.id)?.0.keys.sealed ?? [])")
        await log.attempt("read mark of nothing") {
            try await files.markReporterRead(caseID: .random(), officeID: officeA.id, audit: .member("x", .caseReporterRead))
        }
        try await files.setLegalHold(caseID: inputs.caseIDs[2], officeID: officeA.id, hold: true, audit: .member("lead.a", .legalHoldSet))
        await log.attempt("hold elsewhere") {
            try await files.setLegalHold(caseID: id, officeID: officeB.id, hold: true, audit: .member("x", .legalHoldSet))
        }
        try await covers(&log)
    }

    func covers(_ log: inout InMemoryTranscript) async throws {
        let files = stores.caseFiles
        let from = Day(iso: "2026-03-01") ?? day
        let until = Day(iso: "2026-03-31") ?? day
        try await files.setCover(
            MemberCover(absentID: first.id, absent: "x", coverID: lead.id, cover: "y", from: from, until: until), officeID: officeA.id,
            audit: .member("lead.a", .coverSet))
        await log.attempt("cover oneself") {
            try await files.setCover(
                MemberCover(absentID: lead.id, absent: "", coverID: lead.id, cover: "", from: from, until: until), officeID: officeA.id,
                audit: .member("x", .coverSet))
        }
        await log.attempt("cover backwards") {
            try await files.setCover(
                MemberCover(absentID: lead.id, absent: "", coverID: first.id, cover: "", from: until, until: from), officeID: officeA.id,
                audit: .member("x", .coverSet))
        }
        log.add("covers: \(try await files.covers(officeID: officeA.id).map { "\($0.absent) by \($0.cover) \($0.from)–\($0.until)" })")
        await log.attempt("end no cover") {
            try await files.endCover(absentID: lead.id, officeID: officeA.id, audit: .member("x", .coverEnded))
        }
        for (month, channel) in [("2026-03", "telefon"), ("2026-02", "mail"), ("2026-03", "vorort")] {
            try await files.recordTally(
                ContactTally(month: month, channel: channel, ground: nil, referral: nil), officeID: officeA.id,
                audit: .member("lead.a", .tallyRecorded))
        }
        await log.attempt("tally of nowhere") {
            try await files.recordTally(
                ContactTally(month: "2026-03", channel: "x", ground: nil, referral: nil), officeID: .random(),
                audit: .member("x", .tallyRecorded))
        }
        log.add(
            "tallies: \(try await files.tallies(officeID: officeA.id).map { "\($0.month) \($0.count)" }) \(try await stores.statistics.tallyCount(officeID: officeA.id, months: ["2026-03", "2026-03"]))"
        )
        log.add("team: \(try await files.teamAccess(officeID: officeA.id)) \(try await files.teamAccess(officeID: .random()))")
        try await files.setTeamAccess(officeID: officeA.id, open: false, audit: .member("lead.a", .officeProfileChanged))
        log.add("team: \(try await files.teamAccess(officeID: officeA.id))")
        let notify = stores.notifications
        try await notify.setNotificationAddress(
            memberID: first.id, officeID: officeA.id, address: EmailAddress("a1@example.org"),
            audit: .member("berater.a1", .notificationAddressSet, "set"))
        await log.attempt("address of nobody") {
            try await notify.setNotificationAddress(
                memberID: .random(), officeID: officeA.id, address: EmailAddress("x@example.org"),
                audit: .member("x", .notificationAddressSet))
        }
        log.add(
            "address: \(try await notify.notificationAddress(memberID: first.id)?.value ?? "-") \(try await notify.notificationRecipients().members.count)"
        )
    }
}
