import Casework
import Foundation
import GRDB
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing

@testable import CaseStore

/// An office chain of 50 member events written through `SQLiteMemberStore.record`, with the
/// signer that signed its head and the head as a lead would have kept it as a checkpoint.
struct AuditedOffice {
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
        let storeSeams = SQLiteStores(database: database, signer: signer, today: { today })
        let store = storeSeams.members
        try await store.record((1...20).map { event($0) }, chain: office.id)
        try await store.record((21...50).map { event($0) }, chain: office.id)
        let head = try #require(try await store.auditHead(chain: office.id))
        return AuditedOffice(database: database, store: store, signer: signer, chain: office.id, checkpoint: head)
    }

    static func event(_ index: Int) -> AuditEvent {
        AuditEvent(
            at: String(format: "2026-11-21T09:%02d:%02dZ", index / 60, index % 60), actor: index.isMultiple(of: 7) ? "jonas" : "margarete",
            action: index.isMultiple(of: 2) ? .caseViewed : .caseListViewed, subject: "case-\(index)")
    }

    /// A byte-for-byte copy in a fresh in-memory database, so each tampering starts from the same chain.
    func copy() throws -> AuditedOffice {
        let queue = try DatabaseQueue(configuration: AppDatabase.configuration())
        try database.writer.backup(to: queue)
        let copy = try AppDatabase(queue)
        return AuditedOffice(
            database: copy, store: SQLiteMemberStore(database: copy, signer: signer, today: { Self.today }),
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
        try await execute(
            "INSERT INTO audit_event (chain, seq, at, actor, action, subject, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [chainData, sequence, event.at, event.actor, event.action, event.subject, Data(hash)])
    }

    /// Replaces the stored head by one validly signed with the server key.
    func resignHead(sequence: Int) async throws {
        let head = AuditHead.signed(chain: chain, sequence: UInt64(sequence), hash: try await storedHash(sequence), by: signer)
        try await execute(
            "UPDATE audit_head SET seq = ?, hash = ?, signature = ? WHERE chain = ?",
            [sequence, Data(head.hash), Data(head.signature), chainData])
    }
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

    func apply(to office: AuditedOffice) async throws {
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
            try await office.insertPlausible(
                at: 30, AuditEvent(at: "2026-11-21T09:00:30Z", actor: "margarete", action: .caseViewed, subject: "case-x"))
        case .appendAtTheEnd:
            try await office.insertPlausible(
                at: 51, AuditEvent(at: "2026-11-21T10:00:00Z", actor: "margarete", action: .caseViewed, subject: "case-x"))
        case .swapTwoRows:
            try await office.execute("UPDATE audit_event SET seq = 1000 WHERE chain = ? AND seq = 10", [chain])
            try await office.execute("UPDATE audit_event SET seq = 10 WHERE chain = ? AND seq = 11", [chain])
            try await office.execute("UPDATE audit_event SET seq = 11 WHERE chain = ? AND seq = 1000", [chain])
        case .truncateTail:
            try await office.execute("DELETE FROM audit_event WHERE chain = ? AND seq > 45", [chain])
        case .replayOlderHead:
            // A genuinely signed head of an earlier state, put back.
            let older = AuditHead.signed(chain: office.chain, sequence: 20, hash: try await office.storedHash(20), by: office.signer)
            try await office.execute(
                "UPDATE audit_head SET seq = 20, hash = ?, signature = ? WHERE chain = ?",
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
                    try db.execute(
                        sql: "INSERT INTO audit_event (chain, seq, at, actor, action, subject, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        arguments: [
                            chain, Int64(entry.sequence), entry.event.at, entry.event.actor, entry.event.action,
                            entry.event.subject, Data(entry.hash),
                        ])
                }
                try db.execute(
                    sql: "UPDATE audit_head SET seq = ?, hash = ?, signature = ? WHERE chain = ?",
                    arguments: [Int64(otherHead.sequence), Data(otherHead.hash), Data(otherHead.signature), chain])
            }
        }
    }
}
