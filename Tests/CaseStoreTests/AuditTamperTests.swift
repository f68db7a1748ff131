import Casework
import Foundation
import GRDB
import Sealing
import Testing
@testable import CaseStore
import SichtbarCore

/// An office chain of 50 member events written through `SQLiteMemberStore.record`, with the
/// signer that signed its head and the head as a lead would have kept it as a checkpoint.
private struct AuditedOffice {
    static let today = Day(iso: "2026-11-21")!

    let database: AppDatabase
    let store: SQLiteMemberStore
    let signer: SigningKeyPair
    let chain: EntityID
    /// The signed head after the 50 events: what a lead keeps outside the server.
    let checkpoint: AuditHead

    var key: SigningPublicKey { signer.publicKey }
    var chainData: Data { Data(chain.bytes) }

    static func make() async throws -> AuditedOffice {
        let database = try AppDatabase.inMemory()
        let office = try await database.createOffice(name: "Beratungsstelle", profile: OfficeProfile(), keys: try OfficeKeys.generate())
        let signer = SigningKeyPair()
        let store = SQLiteMemberStore(database: database, signer: signer, today: { today })
        try await store.record((1...20).map { event($0) }, chain: office.id)
        try await store.record((21...50).map { event($0) }, chain: office.id)
        let head = try #require(try await store.auditHead(chain: office.id))
        return AuditedOffice(database: database, store: store, signer: signer, chain: office.id, checkpoint: head)
    }

    static func event(_ index: Int) -> AuditEvent {
        AuditEvent(at: String(format: "2026-11-21T09:%02d:%02dZ", index / 60, index % 60), actor: index.isMultiple(of: 7) ? "jonas" : "margarete",
                   action: index.isMultiple(of: 2) ? .caseViewed : .caseListViewed, subject: "case-\(index)")
    }

    /// A byte-for-byte copy in a fresh in-memory database, so each tampering starts from the same chain.
    func copy() throws -> AuditedOffice {
        let queue = try DatabaseQueue(configuration: AppDatabase.configuration())
        try database.writer.backup(to: queue)
        let copy = try AppDatabase(queue)
        return AuditedOffice(database: copy, store: SQLiteMemberStore(database: copy, signer: signer, today: { Self.today }),
                             signer: signer, chain: chain, checkpoint: checkpoint)
    }

    func verify(anchor: AuditHead? = nil) async throws -> AuditVerdict {
        try await store.verifyChain(chain, key: key, anchor: anchor)
    }

    func execute(_ sql: String, _ arguments: StatementArguments = []) async throws {
        try await database.writer.write { db in try db.execute(sql: sql, arguments: arguments) }
    }

    func storedHash(_ sequence: Int) async throws -> [UInt8] {
        let data = try await database.writer.read { db in
            try Data.fetchOne(db, sql: "SELECT hash FROM audit_event WHERE chain = ? AND seq = ?", arguments: [chainData, sequence])
        }
        return [UInt8](try #require(data))
    }

    /// Inserts a row whose hash links correctly onto the stored entry before it: what someone who
    /// read the code (but has no server key) can forge.
    func insertPlausible(at sequence: Int, _ event: AuditEvent) async throws {
        let previous = sequence == 1 ? AuditChain.genesis : try await storedHash(sequence - 1)
        let hash = AuditChain.link(previous: previous, chain: chain, sequence: UInt64(sequence), event: event)
        try await execute("INSERT INTO audit_event (chain, seq, at, actor, action, subject, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                          [chainData, sequence, event.at, event.actor, event.action, event.subject, Data(hash)])
    }

    /// Replaces the stored head by one validly signed with the server key.
    func resignHead(sequence: Int) async throws {
        let head = AuditHead.signed(chain: chain, sequence: UInt64(sequence), hash: try await storedHash(sequence), by: signer)
        try await execute("UPDATE audit_head SET seq = ?, hash = ?, signature = ? WHERE chain = ?",
                          [sequence, Data(head.hash), Data(head.signature), chainData])
    }
}

private func brokenSequence(_ verdict: AuditVerdict) -> UInt64? {
    if case .broken(let sequence, _) = verdict { return sequence }
    return nil
}

private func isCheckpointFailure(_ verdict: AuditVerdict) -> Bool {
    if case .checkpointNotExtended = verdict { return true }
    return false
}

/// What someone with write access to the database file might do to the audit chain.
enum Tampering: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case editSubject, editActor, editAction, editTime, editHash
    case deleteMiddle, deleteFirst, insertInTheMiddle, appendAtTheEnd, swapTwoRows
    case truncateTail, replayOlderHead, deleteHead, moveToAnotherChain

    var testDescription: String { rawValue }

    /// The sequence number the verdict must name as the first that does not fit.
    var firstBroken: UInt64 {
        switch self {
        case .editSubject: 17
        case .editActor: 3
        case .editAction: 33
        case .editTime: 50
        case .editHash: 8
        case .deleteMiddle: 25
        case .deleteFirst: 1
        // The forged row at 30 links onto 29; the old event 30, now numbered 31, no longer fits.
        case .insertInTheMiddle: 31
        // Internally consistent, but the signed head vouches for 50 events only.
        case .appendAtTheEnd: 51
        case .swapTwoRows: 10
        case .truncateTail: 46
        case .replayOlderHead: 21
        case .deleteHead: 50
        case .moveToAnotherChain: 1
        }
    }

    fileprivate func apply(to office: AuditedOffice) async throws {
        let chain = office.chainData
        switch self {
        case .editSubject:
            try await office.execute("UPDATE audit_event SET subject = 'case-other' WHERE chain = ? AND seq = 17", [chain])
        case .editActor:
            try await office.execute("UPDATE audit_event SET actor = 'system' WHERE chain = ? AND seq = 3", [chain])
        case .editAction:
            try await office.execute("UPDATE audit_event SET action = 'session.login' WHERE chain = ? AND seq = 33", [chain])
        case .editTime:
            try await office.execute("UPDATE audit_event SET at = '2026-11-21T23:59:59Z' WHERE chain = ? AND seq = 50", [chain])
        case .editHash:
            try await office.execute("UPDATE audit_event SET hash = zeroblob(32) WHERE chain = ? AND seq = 8", [chain])
        case .deleteMiddle:
            try await office.execute("DELETE FROM audit_event WHERE chain = ? AND seq = 25", [chain])
        case .deleteFirst:
            try await office.execute("DELETE FROM audit_event WHERE chain = ? AND seq = 1", [chain])
        case .insertInTheMiddle:
            // Make room (in two steps, so no intermediate number collides), then forge event 30.
            try await office.execute("UPDATE audit_event SET seq = seq + 1000 WHERE chain = ? AND seq >= 30", [chain])
            try await office.execute("UPDATE audit_event SET seq = seq - 999 WHERE chain = ? AND seq > 1000", [chain])
            try await office.insertPlausible(at: 30, AuditEvent(at: "2026-11-21T09:00:30Z", actor: "margarete", action: .caseViewed, subject: "case-x"))
        case .appendAtTheEnd:
            try await office.insertPlausible(at: 51, AuditEvent(at: "2026-11-21T10:00:00Z", actor: "margarete", action: .caseViewed, subject: "case-x"))
        case .swapTwoRows:
            try await office.execute("UPDATE audit_event SET seq = 1000 WHERE chain = ? AND seq = 10", [chain])
            try await office.execute("UPDATE audit_event SET seq = 10 WHERE chain = ? AND seq = 11", [chain])
            try await office.execute("UPDATE audit_event SET seq = 11 WHERE chain = ? AND seq = 1000", [chain])
        case .truncateTail:
            try await office.execute("DELETE FROM audit_event WHERE chain = ? AND seq > 45", [chain])
        case .replayOlderHead:
            // A genuinely signed head of an earlier state, put back.
            let older = AuditHead.signed(chain: office.chain, sequence: 20, hash: try await office.storedHash(20), by: office.signer)
            try await office.execute("UPDATE audit_head SET seq = 20, hash = ?, signature = ? WHERE chain = ?",
                                     [Data(older.hash), Data(older.signature), chain])
        case .deleteHead:
            try await office.execute("DELETE FROM audit_head WHERE chain = ?", [chain])
        case .moveToAnotherChain:
            // The events and head of another office's chain copied over this one's.
            let other = try await AuditedOffice.make()
            let entries = try await other.store.auditEntries(chain: other.chain, from: 1, limit: 100)
            let otherHead = try #require(try await other.store.auditHead(chain: other.chain))
            try await office.database.writer.write { db in
                try db.execute(sql: "DELETE FROM audit_event WHERE chain = ?", arguments: [chain])
                for entry in entries {
                    try db.execute(sql: "INSERT INTO audit_event (chain, seq, at, actor, action, subject, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                   arguments: [chain, Int64(entry.sequence), entry.event.at, entry.event.actor, entry.event.action,
                                               entry.event.subject, Data(entry.hash)])
                }
                try db.execute(sql: "UPDATE audit_head SET seq = ?, hash = ?, signature = ? WHERE chain = ?",
                               arguments: [Int64(otherHead.sequence), Data(otherHead.hash), Data(otherHead.signature), chain])
            }
        }
    }
}

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
        try await office.store.forEachAuditEntry(chain: office.chain, pageSize: 7) { streamed.append($0.sequence); return true }
        #expect(streamed == Array(1...50))
        var stoppedAfter: [UInt64] = []
        try await office.store.forEachAuditEntry(chain: office.chain, pageSize: 7) { stoppedAfter.append($0.sequence); return $0.sequence < 9 }
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
            try db.execute(sql: "UPDATE audit_event SET subject = 'case-hidden' WHERE chain = ? AND seq = 12", arguments: [office.chainData])
            var previous = AuditChain.genesis
            for entry in try AuditLog.entries(chain: office.chain, from: 1, limit: 1000, db) {
                let hash = AuditChain.link(previous: previous, chain: office.chain, sequence: entry.sequence, event: entry.event)
                try db.execute(sql: "UPDATE audit_event SET hash = ? WHERE chain = ? AND seq = ?",
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
        let store = SQLiteMemberStore(database: database, signer: signer, today: { AuditedOffice.today })
        // Whatever the daily job signs before the first event, keeping it must not raise a false alarm later.
        _ = try await store.flushAndHeads()
        let kept = try await store.auditHead(chain: office.id)
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
        let store = SQLiteMemberStore(database: database, signer: signer)
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
        try db.execute(sql: """
            INSERT INTO case_file (id, office_id, office_key_version, sealed_keys, kind, step, channel, received_on, intake_audited)
            VALUES (?, ?, 1, ?, 'meldung', 'eingegangen', 'online_formular', ?, 0)
            """, arguments: [Data(id.bytes), Data(office.bytes), Data(Sodium.randomBytes(80)), day.iso])
        return id
    }

    static func insertPending(_ office: EntityID, _ action: AuditAction, subject: EntityID, on day: Day, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO audit_pending (id, chain, day, action, subject) VALUES (?, ?, ?, ?, ?)",
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
        let store = SQLiteMemberStore(database: database, signer: signer, today: { Self.day21 })
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
        #expect(!entries.contains { $0.event.subject == current.hex || $0.event.at == "2026-11-21" },
                "today's reporter events wait until the day is over")
        #expect(try await store.verifyChain(office.id, key: signer.publicKey) == .intact(count: 4))

        let (audited, pendingDays) = try await database.writer.read { db in
            (try Row.fetchAll(db, sql: "SELECT received_on, intake_audited FROM case_file ORDER BY received_on")
                .map { "\($0["received_on"] as String)=\($0["intake_audited"] as Int)" },
             try String.fetchAll(db, sql: "SELECT day FROM audit_pending"))
        }
        #expect(audited == ["2026-11-19=1", "2026-11-20=1", "2026-11-21=0"])
        #expect(pendingDays == ["2026-11-21"])

        // Later the same day nothing more is flushed.
        try await store.record([AuditEvent.member("margarete", .logout)], chain: office.id)
        #expect(try await store.auditHead(chain: office.id)?.sequence == 5)

        // The next day the 21st follows, before the new day's event.
        let tomorrow = SQLiteMemberStore(database: database, signer: signer, today: { Self.day22 })
        try await tomorrow.record([AuditEvent.member("margarete", .login)], chain: office.id)
        let next = try await store.auditEntries(chain: office.id, from: 6, limit: 100).map(\.event)
        #expect(next.count == 3)
        #expect(Set(next.prefix(2).map { "\($0.at) \($0.actor) \($0.action) \($0.subject)" }) == [
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
        let store = SQLiteMemberStore(database: database, signer: signer, today: { Self.day21 })
        try await store.record([AuditEvent.member("margarete", .login)], chain: office.id)
        let entries = try await store.auditEntries(chain: office.id, from: 1, limit: 100)
        #expect(entries.map(\.event.actor) == ["margarete"])
        #expect(!entries.contains { $0.event.subject == caseID.hex })
        #expect(try await database.count("audit_pending") == 1)
        // The daily job on the same day flushes nothing either; the next day it does.
        let heads = try await store.flushAndHeads()
        #expect(heads.map(\.sequence) == [1])
        let tomorrow = SQLiteMemberStore(database: database, signer: signer, today: { Self.day22 })
        let later = try await tomorrow.flushAndHeads()
        #expect(later.map(\.sequence) == [3])
        #expect(later.first?.isSigned(by: signer.publicKey) == true)
        #expect(try await store.verifyChain(office.id, key: signer.publicKey, anchor: heads.first) == .intact(count: 3))
        let checkpoints = try await database.writer.read { db in try String.fetchAll(db, sql: "SELECT day FROM audit_checkpoint ORDER BY day") }
        #expect(checkpoints == ["2026-11-21", "2026-11-22"])
    }

    @Test func reporterEventsOfAnotherOfficeStayInTheirChain() async throws {
        let database = try AppDatabase.inMemory()
        let first = try await database.createOffice(name: "Nord", profile: OfficeProfile(), keys: try OfficeKeys.generate())
        let second = try await database.createOffice(name: "Süd", profile: OfficeProfile(), keys: try OfficeKeys.generate())
        let signer = SigningKeyPair()
        let caseID = try await database.writer.write { db in try Self.insertCase(second.id, on: Self.day19, db) }
        let store = SQLiteMemberStore(database: database, signer: signer, today: { Self.day21 })
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
