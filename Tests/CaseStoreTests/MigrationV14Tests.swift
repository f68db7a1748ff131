import Foundation
import GRDB
import SichtbarCore
import Testing

@testable import CaseStore

/// v14, `record` as a rowid table on random slots: every record of an older database is carried
/// over unchanged, ids stay unique, and neither the copy nor new records are numbered in order.
struct MigrationV14Tests {
    @Test func v14KeepsEveryRecordAndNumbersNoneInOrder() throws {
        let queue = try Database.migrated(upTo: "v13")
        let office = Data(repeating: 1, count: 16)
        let caseID = Data(repeating: 2, count: 16)
        let records = (0..<200).map { index in Data((0..<16).map { UInt8(truncatingIfNeeded: index &* 31 &+ $0) }) }
        try queue.write { db in
            try db.insertOffice(office)
            try db.insertCase(caseID, office: office, receivedOn: "2026-11-01")
            for (index, record) in records.enumerated() {
                try db.execute(
                    sql: "INSERT INTO record (id, case_id, kind, key_version, ciphertext, pending) VALUES (?, ?, 'message', 2, ?, ?)",
                    arguments: [record, caseID, Data(repeating: UInt8(index % 256), count: 1_000 + index), index % 2])
            }
        }
        try Migrations.migrator.migrate(queue)
        try queue.write { db in
            for (index, record) in records.enumerated() {
                let row = try #require(
                    try Row.fetchOne(
                        db, sql: "SELECT case_id, kind, key_version, ciphertext, pending FROM record WHERE id = ?", arguments: [record]))
                #expect(row["case_id"] as Data == caseID)
                #expect(row["kind"] as String == "message")
                #expect(row["key_version"] as Int == 2)
                #expect(row["ciphertext"] as Data == Data(repeating: UInt8(index % 256), count: 1_000 + index))
                #expect(row["pending"] as Int == index % 2)
            }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM record") == records.count)
            #expect(throws: DatabaseError.self, "an id is still unique") {
                try db.execute(
                    sql: "INSERT INTO record (slot, id, case_id, kind, key_version, ciphertext) VALUES (1, ?, ?, 'report', 1, x'00')",
                    arguments: [records[0], caseID])
            }
            // Scanned by slot, the copied rows must not come back in id order (the old table's order).
            let scanned = try Data.fetchAll(db, sql: "SELECT id FROM record ORDER BY slot")
            #expect(scanned.count == records.count)
            #expect(scanned != records.sorted { $0.lexicographicallyPrecedes($1) }, "slots follow the old order")
            let plan = try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN SELECT ciphertext FROM record WHERE case_id = ? AND kind = 'report'", arguments: [caseID]
            )
            .map { $0["detail"] as String }.joined(separator: " ")
            #expect(plan.contains("record_by_case"), "\(plan)")
            let definition = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'record'")
            #expect(definition?.contains("slot INTEGER PRIMARY KEY") == true, "the rowid is the random slot, nothing hidden")
            try db.execute(sql: "DELETE FROM case_file WHERE id = ?", arguments: [caseID])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM record") == 0, "records still go with their case")
        }
    }

    /// New records through the store get random slots: in insertion order they are not sorted.
    @Test func recordsGetRandomSlots() throws {
        let database = try AppDatabase.inMemory()
        let office = Data(repeating: 1, count: 16)
        let caseID = Data(repeating: 2, count: 16)
        try database.writer.write { db in
            try db.insertOffice(office)
            try db.insertCase(caseID, office: office, receivedOn: "2026-11-01")
            for index in 0..<64 {
                let id = try #require(EntityID(bytes: (0..<16).map { UInt8(truncatingIfNeeded: index * 7 + $0) }))
                let caseEntity = try #require(EntityID(bytes: [UInt8](caseID)))
                try SQLiteReportStore.insert(
                    SealedRecord(id: id, caseID: caseEntity, kind: .message, keyVersion: 1, ciphertext: [1, 2, 3]), db)
            }
            let slots = try Int64.fetchAll(db, sql: "SELECT slot FROM record ORDER BY id")
            #expect(slots.count == 64)
            #expect(Set(slots).count == 64)
            #expect(slots != slots.sorted(), "slots follow insertion order")
            #expect(slots.filter { $0 < 1 << 32 }.count <= 1, "slots are small counters, not 63 random bits")
        }
    }
}
