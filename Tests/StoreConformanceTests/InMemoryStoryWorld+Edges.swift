import Casework
import Foundation
import SichtbarCore

/// Corners of the case list and of rolled-back writes.
extension InMemoryStoryWorld {
    func edges(_ log: inout InMemoryTranscript) async throws {
        let files = stores.caseFiles
        // Due order: a case without a due day comes first, and never after a cursor.
        var due = CaseQuery(officeID: officeA.id, due: .until(Day(iso: "2026-12-31") ?? day), limit: 1)
        log.add("due page: \(try await list(due))")
        due.after = CaseCursor(day: Day(iso: "2026-01-01") ?? day, id: inputs.caseIDs[7])
        log.add("due after: \(try await list(due)) count \(try await files.countCases(due))")
        var overdue = CaseQuery(officeID: officeA.id, limit: 5)
        overdue.urgency = CaseQuery.Urgency(today: Day(iso: "2026-03-06") ?? day, soon: Day(iso: "2026-03-12") ?? day)
        overdue.after = CaseCursor(day: Day(iso: "2026-03-01") ?? day, id: inputs.caseIDs[7])
        log.add(
            "classified in urgency: \(try await files.classifiedCases(overdue).map(\.id.hex)) count \(try await files.countCases(overdue))")
        var unread = CaseQuery(officeID: officeA.id)
        unread.unread = true
        unread.step = "loeschung_beantragt"
        log.add("unread deletions: \(try await files.countCases(unread))")
        log.add(
            "ids: \(try await files.cases(ids: [inputs.caseIDs[0], inputs.caseIDs[7], inputs.caseIDs[2]], officeID: officeA.id).keys.map(\.hex).sorted())"
        )
        // A change that breaks a constraint half-way leaves the case as it was.
        guard let (row, _) = try await files.caseFile(id: inputs.caseIDs[1], officeID: officeA.id) else { return }
        var change = CaseUpdate(row: row)
        change.step = "klaerung"
        change.records = [record(21, .entry, case: 1)]
        change.audit = [.member("lead.a", .caseDescribed)]
        await log.attempt("record id taken") { try await files.update(change) }
        change.records = []
        change.assignees = [CaseAssignment(memberID: .random(), username: "x", role: .beratung)]
        await log.attempt("assignee unknown") { try await files.update(change) }
        if let (after, records) = try await files.caseFile(id: inputs.caseIDs[1], officeID: officeA.id) {
            log.add("unchanged: \(after.revision) \(after.step) \(records.count) \(after.assignees.count)")
        }
        var profile = officeB.profile
        profile.notify = "stelle-b@example.org"
        try await stores.setup.updateProfile(officeID: officeB.id, profile: profile)
        try await stores.setup.updateProfile(officeID: .random(), profile: profile)
        let recipients = try await stores.notifications.notificationRecipients()
        log.add("office recipients: \(recipients.offices.map { "\($0.key.hex) \($0.value)" }) \(recipients.members.count)")
        log.add("B's profile: \(try await stores.members.office(id: officeB.id)?.profile == profile)")
        var times = AuditFilter()
        times.times = ("2026-01-01T00:00:00Z", "2100-01-01T00:00:00Z")
        log.add("timed: \(try await stores.members.auditEntries(chain: officeA.id, filter: times, before: 8, limit: 3).map(\.sequence))")
    }
}
