import Casework
import Foundation
import Members
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing

/// `MemberStore`: the audit chains: appends, reads, filters, checkpoints and the flushing of
/// reporter-side events once their day is over.
extension MemberStoreConformance {
    static func events(_ range: ClosedRange<Int>) -> [AuditEvent] {
        range.map { index in
            AuditEvent(
                at: String(format: "2026-03-10T09:%02d:00Z", index), actor: index.isMultiple(of: 3) ? "jonas" : "margarete",
                action: index.isMultiple(of: 2) ? .caseViewed : .caseListViewed, subject: "case-\(index)")
        }
    }

    @Test(arguments: Engine.allCases) func recordedEventsComeBackInOrderNumberedFromOne(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        try await fixture.members.record(Self.events(1...4), chain: fixture.office.id)
        try await fixture.members.record(Self.events(5...9), chain: fixture.office.id)
        let entries = try await fixture.entries()
        #expect(entries.map(\.sequence) == Array(1...9))
        #expect(entries.map(\.event) == Self.events(1...9))
        #expect(try await fixture.members.auditEntries(chain: fixture.office.id, from: 4, limit: 3).map(\.sequence) == [4, 5, 6])
        #expect(try await fixture.members.auditEntries(chain: fixture.office.id, from: 10, limit: 3).isEmpty)
        #expect(try await fixture.entries(fixture.other.id).isEmpty, "chains are per office")
        let head = try #require(try await fixture.members.auditHead(chain: fixture.office.id))
        #expect(head.sequence == 9)
        #expect(head.hash == entries.last?.hash)
        #expect(head.isSigned(by: fixture.stores.signer.publicKey))
        #expect(try await fixture.verify() == .intact(count: 9))
        #expect(try await fixture.verify(fixture.other.id) == .intact(count: 0))
    }

    /// Each entry's hash links onto the one before, as `AuditChain` computes it.
    @Test(arguments: Engine.allCases) func entriesCarryTheChainedHash(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        try await fixture.members.record(Self.events(1...3), chain: fixture.office.id)
        var previous = AuditChain.genesis
        for entry in try await fixture.entries() {
            #expect(
                entry.hash == AuditChain.link(previous: previous, chain: fixture.office.id, sequence: entry.sequence, event: entry.event))
            previous = entry.hash
        }
    }

    /// A subject matches itself and subjects that continue it after a space, oldest first.
    @Test(arguments: Engine.allCases) func entriesAboutOneSubject(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        try await fixture.members.record(
            [
                fixture.event("lead.a", .caseViewed, "abc"), fixture.event("lead.a", .caseTransitioned, "abc eingegangen→erstkontakt"),
                fixture.event("lead.a", .caseViewed, "abcd"), fixture.event("lead.a", .caseViewed, "ab"),
                fixture.event("lead.a", .caseViewed, "abc"),
            ], chain: fixture.office.id)
        let about = try await fixture.members.auditEntries(chain: fixture.office.id, subject: "abc", limit: 10)
        #expect(about.map(\.sequence) == [1, 2, 5])
        #expect(try await fixture.members.auditEntries(chain: fixture.office.id, subject: "abc", limit: 2).map(\.sequence) == [1, 2])
        #expect(try await fixture.members.auditEntries(chain: fixture.other.id, subject: "abc", limit: 10).isEmpty)
    }

    @Test(arguments: Engine.allCases) func filteredEntriesComeNewestFirstBeforeACursor(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        try await fixture.members.record(Self.events(1...9), chain: fixture.office.id)
        let jonas = try await fixture.members.auditEntries(
            chain: fixture.office.id, filter: AuditFilter(actor: "jonas"), before: nil, limit: 10)
        #expect(jonas.map(\.sequence) == [9, 6, 3])
        #expect(
            try await fixture.members.auditEntries(chain: fixture.office.id, filter: AuditFilter(actor: "jonas"), before: 9, limit: 1).map(
                \.sequence) == [6])
        #expect(
            try await fixture.members.auditEntries(chain: fixture.office.id, filter: AuditFilter(), before: nil, limit: 3).map(\.sequence)
                == [9, 8, 7])

        var byCase = AuditFilter()
        byCase.subjects = ("case-3", "case-5")
        #expect(
            try await fixture.members.auditEntries(chain: fixture.office.id, filter: byCase, before: nil, limit: 10).map(\.sequence) == [
                4, 3,
            ])

        var byDay = AuditFilter()
        byDay.setDay(day("2026-03-10"))
        #expect(try await fixture.members.auditEntries(chain: fixture.office.id, filter: byDay, before: nil, limit: 100).count == 9)
        byDay.setDay(day("2026-03-11"))
        #expect(try await fixture.members.auditEntries(chain: fixture.office.id, filter: byDay, before: nil, limit: 100).isEmpty)
    }

    /// A checkpoint is itself an audited event, and the head it returns is the new signed head.
    @Test(arguments: Engine.allCases) func aCheckpointAppendsItsEventAndSignsTheHead(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        try await fixture.members.record(Self.events(1...3), chain: fixture.office.id)
        let checkpoint = try await fixture.members.checkpoint(chain: fixture.office.id, by: "lead.a")
        let head = try #require(checkpoint.head)
        #expect(head.sequence == 4)
        #expect(head == (try await fixture.members.auditHead(chain: fixture.office.id)))
        #expect(checkpoint.signingKey == fixture.stores.signer.publicKey)
        #expect(head.isSigned(by: fixture.stores.signer.publicKey))
        let last = try #require(try await fixture.entries().last)
        #expect(last.action == "audit.checkpoint_written" && last.event.actor == "lead.a")
        var verifier = AuditVerifier(chain: fixture.office.id, key: fixture.stores.signer.publicKey, anchor: head)
        try await fixture.members.record(Self.events(5...6), chain: fixture.office.id)
        for entry in try await fixture.entries() { verifier.consume(entry) }
        #expect(
            verifier.finish(head: try await fixture.members.auditHead(chain: fixture.office.id)) == .intact(count: 6),
            "the chain extends its checkpoint")
    }

    /// A report received today reaches the chain on the first append of a later day, with only its
    /// day and `reporter` as actor, before that day's own events.
    @Test(arguments: Engine.allCases) func reporterEventsAreFlushedOnALaterDay(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let received = fixture.clock.today
        let report = try await fixture.submit()
        try await fixture.stores.reports.append([
            SealedRecord(id: .random(), caseID: report.caseID, kind: .message, keyVersion: 1, ciphertext: ConformanceFixture.bytes())
        ])
        try await fixture.members.record([fixture.event("lead.a", .caseListViewed)], chain: fixture.office.id)
        #expect(try await fixture.actions() == ["case.list_viewed"], "not before the day is over")

        fixture.clock.advance()
        try await fixture.members.record([fixture.event("lead.a", .caseListViewed)], chain: fixture.office.id)
        let entries = try await fixture.entries()
        #expect(entries.map(\.action).first == "case.list_viewed" && entries.map(\.action).last == "case.list_viewed")
        #expect(
            Set(entries.dropFirst().dropLast().map(\.action)) == ["report.received", "report.message_added"],
            "a day's events in no telling order")
        let flushed = entries.filter { $0.event.actor == "reporter" }
        #expect(flushed.map(\.event.at) == [received.iso, received.iso], "only the day")
        #expect(flushed.allSatisfy { $0.event.subject == report.caseID.hex })
        #expect(try await fixture.actions(fixture.other.id).isEmpty, "another office's chain takes none of them")
        #expect(try await fixture.verify() == .intact(count: 4))

        try await fixture.members.record([fixture.event("lead.a", .caseListViewed)], chain: fixture.office.id)
        #expect(try await fixture.actions().filter { $0.hasPrefix("report.") }.count == 2, "flushed once")
    }

    /// Any audited change flushes the finished days' reporter events first, not only `record`.
    @Test(arguments: Engine.allCases) func everyAuditedChangeFlushesFinishedDaysFirst(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let report = try await fixture.submit()
        fixture.clock.advance()
        let file = fixture.newCase()
        try await fixture.caseFiles.create(file)
        let entries = try await fixture.entries()
        #expect(entries.map(\.action) == ["report.received", "case.created"])
        #expect(entries.first?.event.subject == report.caseID.hex)
        var update = CaseUpdate(row: try #require(try await fixture.row(report.caseID)))
        update.audit = [fixture.event("lead.a", .caseTransitioned, report.caseID.hex)]
        try await fixture.caseFiles.update(update)
        #expect(try await fixture.actions() == ["report.received", "case.created", "case.transitioned"], "flushed once")
        #expect(try await fixture.verify() == .intact(count: 3))
    }

    /// A withdrawal and a deletion request are reporter-side too: queued, then flushed by day.
    @Test(arguments: Engine.allCases) func withdrawalsAreFlushedAsReporterEvents(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let gone = try await fixture.submit()
        let kept = try await fixture.submit()
        fixture.clock.advance()
        try await fixture.stores.reports.shred(caseID: gone.caseID)
        try await fixture.stores.reports.requestDeletion(caseID: kept.caseID, on: fixture.clock.today, due: nil)
        try await fixture.members.record([fixture.event("lead.a", .caseListViewed)], chain: fixture.office.id)
        let first = try await fixture.entries()
        #expect(first.contains { $0.action == "report.received" && $0.event.subject == kept.caseID.hex })
        #expect(!first.contains { $0.action.hasPrefix("report.with") }, "today's withdrawals wait for the day to end")
        #expect(first.last?.action == "case.list_viewed")

        fixture.clock.advance()
        try await fixture.members.record([fixture.event("lead.a", .caseListViewed)], chain: fixture.office.id)
        let later = try await fixture.entries().dropFirst(first.count).dropLast()
        #expect(Set(later.map(\.action)) == ["report.withdrawn", "report.withdrawal_requested"])
        #expect(later.first { $0.action == "report.withdrawn" }?.event.subject == gone.caseID.hex)
        #expect(later.first { $0.action == "report.withdrawal_requested" }?.event.subject == kept.caseID.hex)
        #expect(later.allSatisfy { $0.event.actor == "reporter" && $0.event.at == day("2026-03-11").iso })
        #expect(try await fixture.verify() == .intact(count: UInt64(first.count + 3)))
    }
}
