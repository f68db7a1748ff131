import Casework
import Foundation
import Intake
import PostgresNIO
import PostgresTesting
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing

@testable import PostgresStore

/// The audit chains on PostgreSQL: hashed and signed as SQLite's, so `audit verify` judges them
/// alike; tampering with rows is caught; reporter events wait for their day to end.
@Suite(.enabled(if: PostgresTestServer.isInPlay)) struct PostgresAuditLogTests {
    static let day20 = day("2026-11-20")
    static let day21 = day("2026-11-21")

    static func event(_ index: Int) -> AuditEvent {
        AuditEvent(
            at: String(format: "2026-11-21T09:%02d:%02dZ", index / 60, index % 60), actor: index.isMultiple(of: 7) ? "jonas" : "margarete",
            action: index.isMultiple(of: 2) ? .caseViewed : .caseListViewed, subject: "case-\(index)")
    }

    /// Each stored hash is `AuditChain.link` of its event and the one before, and the head is
    /// `AuditHead.signed` by the server key: the bytes SQLite stores for the same events.
    @Test func theStoredChainIsTheChainSQLiteWouldStore() async throws {
        let database = try await PostgresScratch.open()
        let signer = SigningKeyPair()
        let store = PostgresMemberStore(PostgresContext(database: database, signer: signer, today: { Self.day21 }))
        let chain = EntityID.random()
        try await store.record((1...20).map(Self.event), chain: chain)
        try await store.record((21...30).map(Self.event), chain: chain)

        var previous = AuditChain.genesis
        let entries = try await store.auditEntries(chain: chain, from: 1, limit: 100)
        #expect(entries.map(\.event) == (1...30).map(Self.event))
        for entry in entries {
            let expected = AuditChain.link(previous: previous, chain: chain, sequence: entry.sequence, event: entry.event)
            #expect(entry.hash == expected, "entry \(entry.sequence)")
            previous = expected
        }
        let head = try #require(try await store.auditHead(chain: chain))
        #expect(head == AuditHead.signed(chain: chain, sequence: 30, hash: previous, by: signer))
        #expect(try await store.verifyChain(chain, key: signer.publicKey) == .intact(count: 30))
        #expect(
            try await store.verifyChain(chain, key: SigningKeyPair().publicKey) != .intact(count: 30), "another key vouches for nothing")
    }

    @Test(arguments: [
        ("UPDATE audit_event SET subject = 'case-other' WHERE seq = 17", UInt64(17)),
        ("UPDATE audit_event SET actor = 'system' WHERE seq = 3", 3),
        ("UPDATE audit_event SET at = '2026-11-21T23:59:59Z' WHERE seq = 30", 30),
        ("DELETE FROM audit_event WHERE seq = 12", 12),
        ("UPDATE audit_event SET seq = seq + 100 WHERE seq = 30", 30),
    ])
    func tamperingWithTheRowsIsCaught(_ tampering: String, _ firstBroken: UInt64) async throws {
        let database = try await PostgresScratch.open()
        let signer = SigningKeyPair()
        let store = PostgresMemberStore(PostgresContext(database: database, signer: signer, today: { Self.day21 }))
        let chain = EntityID.random()
        try await store.record((1...30).map(Self.event), chain: chain)
        try await database.write { session in try await session.execute(PostgresQuery(unsafeSQL: tampering)) }
        let verdict = try await store.verifyChain(chain, key: signer.publicKey)
        guard case .broken(let sequence, _) = verdict else {
            Issue.record("\(tampering): \(verdict)")
            return
        }
        #expect(sequence == firstBroken, "\(tampering)")
    }

    /// Reports and queued reporter events of a finished day go into the chain before the next
    /// event, with only their day, in day and then random-id order; today's wait.
    @Test func reporterEventsOfFinishedDaysAreFlushedFirstWithOnlyTheirDay() async throws {
        let database = try await PostgresScratch.open()
        let office = try await database.createOffice(name: "Beratungsstelle", profile: OfficeProfile(), keys: try OfficeKeys.generate())
        let signer = SigningKeyPair()
        let reports = PostgresReportStore(database: database, today: { Self.day20 })
        var yesterday: [EntityID] = []
        for _ in 0..<3 {
            let intake = IntakeFixture.intake(officeID: office.id, on: Self.day20)
            try await reports.submit(intake)
            yesterday.append(intake.caseID)
        }
        try await reports.append([SealedRecord(id: .random(), caseID: yesterday[0], kind: .message, keyVersion: 1, ciphertext: [1])])
        let current = IntakeFixture.intake(officeID: office.id, on: Self.day21)
        try await PostgresReportStore(database: database, today: { Self.day21 }).submit(current)
        let store = PostgresMemberStore(PostgresContext(database: database, signer: signer, today: { Self.day21 }))
        let login = AuditEvent.member("margarete", .login, at: Date(timeIntervalSince1970: 1_795_300_000))
        try await store.record([login], chain: office.id)

        let events = try await store.auditEntries(chain: office.id, from: 1, limit: 100).map(\.event)
        #expect(events.count == 5, "\(events)")
        let reporter = Array(events.prefix(4))
        #expect(reporter.allSatisfy { $0.actor == "reporter" && $0.at == "2026-11-20" })
        #expect(Set(reporter.map(\.subject)) == Set(yesterday.map(\.hex)))
        #expect(reporter.filter { $0.action == "report.received" }.count == 3)
        #expect(reporter.filter { $0.action == "report.message_added" }.map(\.subject) == [yesterday[0].hex])
        #expect(events.last == login)
        #expect(!events.contains { $0.subject == current.caseID.hex }, "today's report waits until the day is over")
        #expect(try await store.verifyChain(office.id, key: signer.publicKey) == .intact(count: 5))
        // Later the same day nothing more is flushed; the next day today's report follows.
        try await store.record([.member("margarete", .logout)], chain: office.id)
        #expect(try await store.auditHead(chain: office.id)?.sequence == 6)
        let tomorrow = PostgresMemberStore(PostgresContext(database: database, signer: signer, today: { Self.day21.adding(days: 1) }))
        try await tomorrow.record([.member("margarete", .login)], chain: office.id)
        let next = try await store.auditEntries(chain: office.id, from: 7, limit: 100).map(\.event)
        #expect(next.map(\.subject) == [current.caseID.hex, ""])
        #expect(try await store.verifyChain(office.id, key: signer.publicKey) == .intact(count: 8))
    }

    /// `audit verify` reads one snapshot: appends meanwhile never make an intact chain look broken.
    @Test func verifyingBesideAppendsGivesNoFalseAlarm() async throws {
        let database = try await PostgresScratch.open()
        let signer = SigningKeyPair()
        let store = PostgresMemberStore(PostgresContext(database: database, signer: signer, today: { Self.day21 }))
        let chain = EntityID.random()
        try await store.record((1...10).map(Self.event), chain: chain)
        let verdicts = try await withThrowingTaskGroup(of: [AuditVerdict].self) { group in
            group.addTask {
                for index in 11...60 { try await store.record([Self.event(index)], chain: chain) }
                return []
            }
            group.addTask {
                var verdicts: [AuditVerdict] = []
                for _ in 0..<15 { verdicts.append(try await store.verifyChain(chain, key: signer.publicKey)) }
                return verdicts
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(verdicts.count == 15)
        #expect(verdicts.allSatisfy { if case .intact = $0 { true } else { false } }, "\(verdicts)")
        #expect(try await store.verifyChain(chain, key: signer.publicKey) == .intact(count: 60))
    }
}
