import Foundation
import GRDB
import Sealing
import Testing

@testable import CaseStore

@Suite struct MigrationTests {
    /// v7 keeps every case and record of an older database: no authenticator yet (the next
    /// open gives one), every record covered (`pending` 0), and `pending` is 0 or 1 only.
    @Test func v7AddsTheAuthenticatorAndKeepsOlderCases() throws {
        let queue = try Database.migrated(upTo: "v5")
        let office = Data(repeating: 1, count: 16)
        let caseID = Data(repeating: 2, count: 16)
        let record = Data(repeating: 3, count: 16)
        try queue.write { db in
            try db.insertOffice(office)
            try db.insertCase(caseID, office: office, receivedOn: "2026-11-01")
            try db.execute(
                sql: "INSERT INTO record (id, case_id, kind, key_version, ciphertext) VALUES (?, ?, 'report', 1, x'00')",
                arguments: [record, caseID])
        }
        try Migrations.migrator.migrate(queue, upTo: "v13")
        try queue.write { db in
            #expect(try Bool.fetchOne(db, sql: "SELECT integrity IS NULL FROM case_file WHERE id = ?", arguments: [caseID]) == true)
            #expect(try Int.fetchOne(db, sql: "SELECT pending FROM record WHERE id = ?", arguments: [record]) == 0)
            try db.execute(sql: "UPDATE record SET pending = 1 WHERE id = ?", arguments: [record])
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "UPDATE record SET pending = 2 WHERE id = ?", arguments: [record])
            }
            let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'record'")
            #expect(sql?.contains("WITHOUT ROWID") == true, "still without a hidden rowid")
        }
    }

    /// Replaced publications stay in the history, in the order published; periods are checked.
    @Test func v8KeepsEveryPublication() throws {
        let database = try AppDatabase.inMemory()
        try database.writer.write { db in
            for period in ["2026-Q1", "2026-Q1", "2026"] {
                try db.execute(
                    sql: "INSERT INTO stat_published_history (period, published_at, release_count, file) VALUES (?, 'x', 1, x'7b7d')",
                    arguments: [period])
            }
            let periods = try String.fetchAll(db, sql: "SELECT period FROM stat_published_history ORDER BY number")
            #expect(periods == ["2026-Q1", "2026-Q1", "2026"])
            #expect(throws: (any Error).self) {
                try db.execute(
                    sql: "INSERT INTO stat_published_history (period, published_at, release_count, file) VALUES ('2026-Q5', 'x', 1, x'00')")
            }
        }
    }

    /// v9 keeps older offices (none is the fallback) and lets at most one office be marked.
    @Test func v9MarksAtMostOneFallbackOffice() throws {
        let queue = try Database.migrated(upTo: "v8")
        let first = Data(repeating: 1, count: 16)
        let second = Data(repeating: 2, count: 16)
        try queue.write { db in
            for (position, id) in [first, second].enumerated() {
                try db.insertOffice(id, position: position + 1)
            }
        }
        try Migrations.migrator.migrate(queue)
        try queue.write { db in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM office WHERE is_fallback = 0") == 2)
            try db.execute(sql: "UPDATE office SET is_fallback = 1 WHERE id = ?", arguments: [first])
            #expect(throws: DatabaseError.self, "a second fallback office") {
                try db.execute(sql: "UPDATE office SET is_fallback = 1 WHERE id = ?", arguments: [second])
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "UPDATE office SET is_fallback = 2 WHERE id = ?", arguments: [second])
            }
        }
    }

    /// v11 refuses a member covering themselves and a cover that ends before it starts.
    @Test func v11RefusesNonsenseCovers() throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(configuration: configuration)
        try Migrations.migrator.migrate(queue)
        try queue.write { db in
            let office = Data(repeating: 1, count: 16)
            let one = Data(repeating: 2, count: 16)
            let two = Data(repeating: 3, count: 16)
            try db.execute(
                sql:
                    "INSERT INTO member_cover (absent_id, office_id, cover_id, from_day, until_day) VALUES (?, ?, ?, '2026-12-01', '2026-12-05')",
                arguments: [one, office, two])
            #expect(throws: DatabaseError.self) {
                try db.execute(
                    sql:
                        "INSERT INTO member_cover (absent_id, office_id, cover_id, from_day, until_day) VALUES (?, ?, ?, '2026-12-01', '2026-12-05')",
                    arguments: [two, office, two])
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(
                    sql:
                        "INSERT INTO member_cover (absent_id, office_id, cover_id, from_day, until_day) VALUES (?, ?, ?, '2026-12-06', '2026-12-05')",
                    arguments: [two, office, one])
            }
        }
    }

    /// v10 marks no case from before it unread, and takes only 0 or 1.
    @Test func v10StartsWithNothingUnread() throws {
        let queue = try Database.migrated(upTo: "v9")
        let office = Data(repeating: 1, count: 16)
        let caseID = Data(repeating: 2, count: 16)
        try queue.write { db in
            try db.insertOffice(office)
            try db.insertCase(caseID, office: office, receivedOn: "2026-12-01")
        }
        try Migrations.migrator.migrate(queue)
        try queue.write { db in
            #expect(try Int.fetchOne(db, sql: "SELECT reporter_unread FROM case_file") == 0)
            try db.execute(sql: "UPDATE case_file SET reporter_unread = 1")
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE case_file SET reporter_unread = 2") }
        }
    }

    /// One publication per period, a period is a year or a quarter, and it comes from at least one release.
}
