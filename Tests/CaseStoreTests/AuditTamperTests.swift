import Casework
import Foundation
import GRDB
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing

@testable import CaseStore

@Suite("Audit chain in SQLite: tampering with the stored rows is caught")
struct AuditTamperTests {
    @Test func anUntouchedChainIsIntact() async throws {
        let office = try await AuditedOffice.make()
        #expect(try await office.verify() == .intact(count: 50))
        #expect(try await office.verify(anchor: office.checkpoint) == .intact(count: 50))
        #expect(office.checkpoint.sequence == 50)
        #expect(office.checkpoint.isSigned(by: office.key))
        #expect(try await office.copy().verify() == .intact(count: 50), "the copy is the same chain")
        // Another server key does not vouch for it.
        let foreign = try await office.store.verifyChain(office.chain, key: SigningKeyPair().publicKey)
        #expect(brokenSequence(foreign) == 50)
    }

    @Test func theChainIsStoredInOrderWithTheEventsAsGiven() async throws {
        let office = try await AuditedOffice.make()
        let entries = try await office.store.auditEntries(chain: office.chain, from: 1, limit: 100)
        #expect(entries.map(\.sequence) == Array(1...50))
        #expect(entries.map(\.event) == (1...50).map(AuditedOffice.event))
        #expect(try await office.store.auditEntries(chain: office.chain, from: 48, limit: 10).map(\.sequence) == [48, 49, 50])
        // Streaming in small pages sees every entry once, in order.
        var streamed: [UInt64] = []
        try await office.store.forEachAuditEntry(chain: office.chain, pageSize: 7) {
            streamed.append($0.sequence)
            return true
        }
        #expect(streamed == Array(1...50))
        var stoppedAfter: [UInt64] = []
        try await office.store.forEachAuditEntry(chain: office.chain, pageSize: 7) {
            stoppedAfter.append($0.sequence)
            return $0.sequence < 9
        }
        #expect(stoppedAfter == Array(1...9), "streaming stops when asked")
    }

    @Test(arguments: Tampering.allCases)
    func tamperingIsCaught(_ tampering: Tampering) async throws {
        let original = try await AuditedOffice.make()
        let office = try original.copy()
        try await tampering.apply(to: office)
        let verdict = try await office.verify()
        #expect(verdict != .intact(count: 50))
        #expect(brokenSequence(verdict) == tampering.firstBroken, "\(tampering): \(verdict)")
        // The kept checkpoint does not make it pass either.
        let anchored = try await office.verify(anchor: office.checkpoint)
        if case .intact = anchored { Issue.record("\(tampering) passed with the checkpoint: \(anchored)") }
        // The original, untouched, still verifies.
        #expect(try await original.verify() == .intact(count: 50))
    }

    /// Whoever controls the server also holds its signing key: they can delete the newest events
    /// and sign a head of the shortened chain. The chain alone then looks intact, which is why
    /// leads and the Verband keep checkpoints outside the server.
    @Test func truncationWithAResignedHeadIsCaughtOnlyByAKeptCheckpoint() async throws {
        let office = try await AuditedOffice.make().copy()
        try await office.execute("DELETE FROM audit_event WHERE chain = ? AND seq > 45", [office.chainData])
        try await office.resignHead(sequence: 45)

        #expect(try await office.verify() == .intact(count: 45), "without an anchor nothing shows the deletion")
        let verdict = try await office.verify(anchor: office.checkpoint)
        #expect(isCheckpointFailure(verdict), "\(verdict)")
        if case .checkpointNotExtended(let reason) = verdict {
            #expect(reason.contains("event 45") && reason.contains("event 50"), "\(reason)")
        }
        // The checkpoint as a file, as a lead keeps it, serves as well.
        let file = try JSONEncoder().encode(AuditCheckpoint(head: office.checkpoint, key: office.key))
        let kept = try #require(try JSONDecoder().decode(AuditCheckpoint.self, from: file).head)
        #expect(isCheckpointFailure(try await office.verify(anchor: kept)))
        // An older checkpoint, from before the deleted events, cannot notice.
        let older = AuditHead.signed(chain: office.chain, sequence: 40, hash: try await office.storedHash(40), by: office.signer)
        #expect(try await office.verify(anchor: older) == .intact(count: 45))
    }

    /// The same with history rewritten: one old event edited, every later hash recomputed, the
    /// head signed again. Only the kept checkpoint's hash disagrees.
    @Test func rewrittenHistoryIsCaughtOnlyByAKeptCheckpoint() async throws {
        let office = try await AuditedOffice.make().copy()
        try await office.database.writer.write { db in
            try db.execute(
                sql: "UPDATE audit_event SET subject = 'case-hidden' WHERE chain = ? AND seq = 12", arguments: [office.chainData])
            var previous = AuditChain.genesis
            for entry in try AuditLog.entries(chain: office.chain, from: 1, limit: 1000, db) {
                let hash = AuditChain.link(previous: previous, chain: office.chain, sequence: entry.sequence, event: entry.event)
                try db.execute(
                    sql: "UPDATE audit_event SET hash = ? WHERE chain = ? AND seq = ?",
                    arguments: [Data(hash), office.chainData, Int64(entry.sequence)])
                previous = hash
            }
        }
        try await office.resignHead(sequence: 50)
        #expect(try await office.verify() == .intact(count: 50))
        let verdict = try await office.verify(anchor: office.checkpoint)
        #expect(isCheckpointFailure(verdict), "\(verdict)")
        if case .checkpointNotExtended(let reason) = verdict {
            #expect(reason.contains("event 50") && reason.contains("rewritten"), "\(reason)")
        }
    }

    @Test func deletingTheWholeChainIsCaughtOnlyByAKeptCheckpoint() async throws {
        let office = try await AuditedOffice.make().copy()
        try await office.execute("DELETE FROM audit_event WHERE chain = ?", [office.chainData])
        try await office.execute("DELETE FROM audit_head WHERE chain = ?", [office.chainData])
        #expect(try await office.verify() == .intact(count: 0))
        #expect(isCheckpointFailure(try await office.verify(anchor: office.checkpoint)))
    }

    @Test func aChainThatGrewSinceItsCheckpointIsIntact() async throws {
        let office = try await AuditedOffice.make()
        try await office.store.record([AuditEvent.member("margarete", .logout)], chain: office.chain)
        #expect(try await office.verify(anchor: office.checkpoint) == .intact(count: 51))
    }

    @Test func aCheckpointOfAFreshOfficeIsExtendedByItsFirstEvents() async throws {
        let database = try AppDatabase.inMemory()
        let office = try await database.createOffice(name: "Beratungsstelle", profile: OfficeProfile(), keys: try OfficeKeys.generate())
        let signer = SigningKeyPair()
        let storeSeams = SQLiteStores(database: database, signer: signer, today: { AuditedOffice.today })
        let store = storeSeams.members
        // Whatever the daily job signs before the first event, keeping it must not raise a false alarm later.
        _ = try await store.flushAndHeads()
        let kept =
            try await store.auditHead(chain: office.id)
            ?? AuditHead.signed(chain: office.id, sequence: 0, hash: AuditChain.genesis, by: signer)
        #expect(kept.sequence == 0)
        #expect(try await store.verifyChain(office.id, key: signer.publicKey, anchor: kept) == .intact(count: 0))
        try await store.record((1...3).map(AuditedOffice.event), chain: office.id)
        #expect(try await store.verifyChain(office.id, key: signer.publicKey, anchor: kept) == .intact(count: 3))
    }

    @Test func aCheckpointOfAnotherOfficeOrKeyIsRefused() async throws {
        let office = try await AuditedOffice.make()
        let other = try await AuditedOffice.make()
        #expect(isCheckpointFailure(try await office.verify(anchor: other.checkpoint)), "another chain")
        let forged = AuditHead.signed(chain: office.chain, sequence: 50, hash: office.checkpoint.hash, by: SigningKeyPair())
        #expect(isCheckpointFailure(try await office.verify(anchor: forged)), "another key")
    }

    /// `audit verify` runs beside a live server: appends while it reads must not look like
    /// tampering: `verifyChain` reads entries and head in one snapshot.
    @Test
    func verifyingBesideAppendsGivesNoFalseAlarm() async throws {
        let (database, _) = try Fixtures.database(file: true)
        let office = try await database.createOffice(name: "Beratungsstelle", profile: OfficeProfile(), keys: try OfficeKeys.generate())
        let signer = SigningKeyPair()
        let storeSeams = SQLiteStores(database: database, signer: signer)
        let store = storeSeams.members
        try await store.record((1...50).map(AuditedOffice.event), chain: office.id)
        let appender = Task {
            for index in 0..<3000 where !Task.isCancelled {
                try await store.record([AuditEvent.member("margarete", .caseViewed, "case-\(index)")], chain: office.id)
            }
        }
        defer { appender.cancel() }
        for _ in 0..<300 {
            let verdict = try await store.verifyChain(office.id, key: signer.publicKey)
            guard case .intact = verdict else {
                Issue.record("an untouched chain verified as \(verdict)")
                return
            }
        }
    }

    // MARK: Reporter-side events

    static let day19 = Day(iso: "2026-11-19")!
    static let day20 = Day(iso: "2026-11-20")!
    static let day21 = Day(iso: "2026-11-21")!
    static let day22 = Day(iso: "2026-11-22")!

    /// A received report as intake stores it, not yet in the chain.
    static func insertCase(_ office: EntityID, on day: Day, _ db: Database) throws -> EntityID {
        let id = EntityID.random()
        try db.execute(
            sql: """
                INSERT INTO case_file (id, office_id, office_key_version, sealed_keys, kind, step, channel, received_on, intake_audited)
                VALUES (?, ?, 1, ?, 'meldung', 'eingegangen', 'online_formular', ?, 0)
                """, arguments: [Data(id.bytes), Data(office.bytes), Data(Sodium.randomBytes(80)), day.iso])
        return id
    }

    static func insertPending(_ office: EntityID, _ action: AuditAction, subject: EntityID, on day: Day, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO audit_pending (id, chain, day, action, subject) VALUES (?, ?, ?, ?, ?)",
            arguments: [Data(EntityID.random().bytes), Data(office.bytes), day.iso, action.rawValue, subject.hex])
    }

    @Test func reporterEventsOfFinishedDaysAreFlushedFirstWithOnlyTheirDay() async throws {
        let database = try AppDatabase.inMemory()
        let office = try await database.createOffice(name: "Beratungsstelle", profile: OfficeProfile(), keys: try OfficeKeys.generate())
        let signer = SigningKeyPair()
        let (old, older, current) = try await database.writer.write { db in
            let older = try Self.insertCase(office.id, on: Self.day19, db)
            let old = try Self.insertCase(office.id, on: Self.day20, db)
            try Self.insertPending(office.id, .reporterMessageAdded, subject: older, on: Self.day20, db)
            let current = try Self.insertCase(office.id, on: Self.day21, db)
            try Self.insertPending(office.id, .withdrawalRequested, subject: old, on: Self.day21, db)
            return (old, older, current)
        }
        let storeSeams = SQLiteStores(database: database, signer: signer, today: { Self.day21 })
        let store = storeSeams.members
        let login = AuditEvent.member("margarete", .login, at: Date(timeIntervalSince1970: 1_795_300_000))
        try await store.record([login], chain: office.id)

        let entries = try await store.auditEntries(chain: office.id, from: 1, limit: 100)
        #expect(entries.count == 4, "three events of the 19th and 20th, then the login: \(entries.map(\.event))")
        let reporter = Array(entries.prefix(3)).map(\.event)
        #expect(reporter.allSatisfy { $0.actor == "reporter" })
        #expect(reporter.map(\.at) == ["2026-11-19", "2026-11-20", "2026-11-20"], "only the day, in day order")
        #expect(reporter[0] == AuditEvent(at: "2026-11-19", actor: "reporter", action: .reportReceived, subject: older.hex))
        let dayTwenty = Set(reporter.dropFirst().map { "\($0.action) \($0.subject)" })
        #expect(dayTwenty == ["report.received \(old.hex)", "report.message_added \(older.hex)"])
        #expect(entries.last?.event == login)
        #expect(
            !entries.contains { $0.event.subject == current.hex || $0.event.at == "2026-11-21" },
            "today's reporter events wait until the day is over")
        #expect(try await store.verifyChain(office.id, key: signer.publicKey) == .intact(count: 4))

        let (audited, pendingDays) = try await database.writer.read { db in
            (
                try Row.fetchAll(db, sql: "SELECT received_on, intake_audited FROM case_file ORDER BY received_on")
                    .map { "\($0["received_on"] as String)=\($0["intake_audited"] as Int)" },
                try String.fetchAll(db, sql: "SELECT day FROM audit_pending")
            )
        }
        #expect(audited == ["2026-11-19=1", "2026-11-20=1", "2026-11-21=0"])
        #expect(pendingDays == ["2026-11-21"])

        // Later the same day nothing more is flushed.
        try await store.record([AuditEvent.member("margarete", .logout)], chain: office.id)
        #expect(try await store.auditHead(chain: office.id)?.sequence == 5)

        // The next day the 21st follows, before the new day's event.
        let tomorrowSeams = SQLiteStores(database: database, signer: signer, today: { Self.day22 })
        let tomorrow = tomorrowSeams.members
        try await tomorrow.record([AuditEvent.member("margarete", .login)], chain: office.id)
        let next = try await store.auditEntries(chain: office.id, from: 6, limit: 100).map(\.event)
        #expect(next.count == 3)
        #expect(
            Set(next.prefix(2).map { "\($0.at) \($0.actor) \($0.action) \($0.subject)" }) == [
                "2026-11-21 reporter report.received \(current.hex)",
                "2026-11-21 reporter report.withdrawal_requested \(old.hex)",
            ])
        #expect(next.last?.actor == "margarete")
        #expect(try await store.verifyChain(office.id, key: signer.publicKey) == .intact(count: 8))
        #expect(try await database.count("audit_pending") == 0)
    }

    @Test func sameDayReporterEventsAreNotFlushed() async throws {
        let database = try AppDatabase.inMemory()
        let office = try await database.createOffice(name: "Beratungsstelle", profile: OfficeProfile(), keys: try OfficeKeys.generate())
        let signer = SigningKeyPair()
        let caseID = try await database.writer.write { db in
            let id = try Self.insertCase(office.id, on: Self.day21, db)
            try Self.insertPending(office.id, .reporterMessageAdded, subject: id, on: Self.day21, db)
            return id
        }
        let storeSeams = SQLiteStores(database: database, signer: signer, today: { Self.day21 })
        let store = storeSeams.members
        try await store.record([AuditEvent.member("margarete", .login)], chain: office.id)
        let entries = try await store.auditEntries(chain: office.id, from: 1, limit: 100)
        #expect(entries.map(\.event.actor) == ["margarete"])
        #expect(!entries.contains { $0.event.subject == caseID.hex })
        #expect(try await database.count("audit_pending") == 1)
        // The daily job on the same day flushes nothing either; the next day it does.
        let heads = try await store.flushAndHeads()
        #expect(heads.map(\.sequence) == [1])
        let tomorrowSeams = SQLiteStores(database: database, signer: signer, today: { Self.day22 })
        let tomorrow = tomorrowSeams.members
        let later = try await tomorrow.flushAndHeads()
        #expect(later.map(\.sequence) == [3])
        #expect(later.first?.isSigned(by: signer.publicKey) == true)
        #expect(try await store.verifyChain(office.id, key: signer.publicKey, anchor: heads.first) == .intact(count: 3))
        let checkpoints = try await database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT day FROM audit_checkpoint ORDER BY day")
        }
        #expect(checkpoints == ["2026-11-21", "2026-11-22"])
    }

    @Test func reporterEventsOfAnotherOfficeStayInTheirChain() async throws {
        let database = try AppDatabase.inMemory()
        let first = try await database.createOffice(name: "Nord", profile: OfficeProfile(), keys: try OfficeKeys.generate())
        let second = try await database.createOffice(name: "Süd", profile: OfficeProfile(), keys: try OfficeKeys.generate())
        let signer = SigningKeyPair()
        let caseID = try await database.writer.write { db in try Self.insertCase(second.id, on: Self.day19, db) }
        let storeSeams = SQLiteStores(database: database, signer: signer, today: { Self.day21 })
        let store = storeSeams.members
        try await store.record([AuditEvent.member("margarete", .login)], chain: first.id)
        #expect(try await store.auditEntries(chain: first.id, from: 1, limit: 10).map(\.event.actor) == ["margarete"])
        try await store.record([AuditEvent.member("jonas", .login)], chain: second.id)
        let secondEntries = try await store.auditEntries(chain: second.id, from: 1, limit: 10).map(\.event)
        #expect(secondEntries.map(\.subject).first == caseID.hex)
        #expect(secondEntries.map(\.actor) == ["reporter", "jonas"])
        #expect(try await store.verifyChain(first.id, key: signer.publicKey) == .intact(count: 1))
        #expect(try await store.verifyChain(second.id, key: signer.publicKey) == .intact(count: 2))
    }
}
