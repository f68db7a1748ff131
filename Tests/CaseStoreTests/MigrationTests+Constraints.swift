import Foundation
import GRDB
import Sealing
import Testing

@testable import CaseStore

extension MigrationTests {
    @Test func v5KeepsOnePublicationPerPeriod() throws {
        let database = try AppDatabase.inMemory()
        try database.writer.write { db in
            func insert(_ period: String, releases: Int = 2) throws {
                try db.execute(
                    sql: "INSERT INTO stat_published (period, published_at, release_count, file) VALUES (?, 'x', ?, x'7b7d')",
                    arguments: [period, releases])
            }
            try insert("2026")
            try insert("2026-Q3")
            #expect(throws: (any Error).self) { try insert("2026") }
            for period in ["2026-Q0", "2026-07", "x"] { #expect(throws: (any Error).self, "\(period)") { try insert(period) } }
            #expect(throws: (any Error).self, "no releases") { try insert("2025", releases: 0) }
        }
    }

    /// One release per office and period; a period is a year or a quarter; sent means a copy exists.
    @Test func v4KeepsOneReleasePerPeriodAndRefusesOtherPeriods() throws {
        let database = try AppDatabase.inMemory()
        try database.writer.write { db in
            try db.insertOffice(Data(count: 16))
            func insert(_ id: UInt8, _ period: String, sent: Bool = false, copy: Bool = false) throws {
                try db.execute(
                    sql: """
                        INSERT INTO stat_release (id, office_id, period, created_at, key_version, sealed, sent_at, verband_copy)
                        VALUES (?, zeroblob(16), ?, '2027-01-02T10:00:00Z', 1, x'00', ?, ?)
                        """,
                    arguments: [Data(repeating: id, count: 16), period, sent ? "2027-01-03T10:00:00Z" : nil, copy ? Data([1]) : nil])
            }
            try insert(1, "2026")
            try insert(2, "2026-Q4", sent: true, copy: true)
            #expect(throws: (any Error).self) { try insert(3, "2026") }
            for period in ["2026-Q5", "2026-03", "26", "2026-01-01"] {
                #expect(throws: (any Error).self, "\(period)") { try insert(4, period) }
            }
            #expect(throws: (any Error).self, "sent without a copy") { try insert(5, "2025", sent: true) }
            let table = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'stat_release'")
            #expect(table?.contains("WITHOUT ROWID") == true)
        }
    }

    @Test func v3AddsCaseworkTablesAndColumns() throws {
        let database = try AppDatabase.inMemory()
        try database.writer.read { db in
            for table in ["case_assignee", "case_facets", "contact_tally"] {
                let sql = try String.fetchOne(
                    db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table])
                let definition = try #require(sql, "table \(table) missing")
                #expect(definition.contains("WITHOUT ROWID"), "\(table) must not have a hidden rowid")
            }
            let caseColumns = try Row.fetchAll(db, sql: "PRAGMA table_info(case_file)").map { $0["name"] as String }
            for column in ["revision", "next_due", "closed_on", "withdrawn_on"] { #expect(caseColumns.contains(column), "\(column)") }
            let officeColumns = try Row.fetchAll(db, sql: "PRAGMA table_info(office)").map { $0["name"] as String }
            #expect(officeColumns.contains("team_access"))
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'case_file'")
            for index in ["case_file_by_office_received", "case_file_by_office_step", "case_file_by_office_due"] {
                #expect(indexes.contains(index), "\(index)")
            }
        }
    }

    /// Assignment roles are a closed list; a classification outlives its case, unlinked.
    @Test func v3ChecksRolesAndKeepsFacetsOfShreddedCases() throws {
        let database = try AppDatabase.inMemory()
        try database.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO office (id, position, name, public_key, key_version, recovery_public_key, profile)
                    VALUES (zeroblob(16), 1, 'o', zeroblob(32), 1, zeroblob(32), '{}');
                    INSERT INTO member (id, username, office_id, role, public_key, wrapped_secret)
                    VALUES (x'01000000000000000000000000000000', 'm', zeroblob(16), 'counsellor', zeroblob(32), 'w');
                    INSERT INTO case_file (id, office_id, office_key_version, sealed_keys, kind, step, channel, received_on)
                    VALUES (x'02000000000000000000000000000000', zeroblob(16), 1, x'00', 'meldung', 'eingegangen', 'telefon', '2026-11-20');
                    INSERT INTO case_facets (id, case_id, office_id, month, key_version, ciphertext)
                    VALUES (x'03000000000000000000000000000000', x'02000000000000000000000000000000', zeroblob(16), '2026-11', 1, x'00');
                    """)
        }
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO case_assignee (case_id, member_id, role)
                        VALUES (x'02000000000000000000000000000000', x'01000000000000000000000000000000', 'chef')
                        """)
            }
        }
        try database.writer.write { db in
            try db.execute(sql: "DELETE FROM case_file WHERE id = x'02000000000000000000000000000000'")
            let facets = try Row.fetchAll(db, sql: "SELECT case_id FROM case_facets")
            #expect(facets.count == 1)
            #expect((facets.first?["case_id"] as Data?) == nil)
        }
    }

    @Test func v2CreatesTheTablesWithoutRowid() throws {
        let database = try AppDatabase.inMemory()
        try database.writer.read { db in
            for table in ["verband", "verband_key_seal", "key_rotation", "audit_event", "audit_head", "audit_pending", "audit_checkpoint"] {
                let sql = try String.fetchOne(
                    db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                    arguments: [table])
                let definition = try #require(sql, "table \(table) missing")
                #expect(definition.contains("WITHOUT ROWID"), "\(table) must not have a hidden rowid")
            }
            let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(case_file)").map { $0["name"] as String }
            #expect(columns.contains("intake_audited"))
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'case_file'")
            #expect(indexes.contains("case_file_by_office_version"))
        }
    }

    @Test func v2RefusesMalformedAuditRows() throws {
        let database = try AppDatabase.inMemory()
        // Sequence numbers start at 1, hashes have 32 bytes, chain ids 16.
        for values in [
            "(zeroblob(16), 0, 'a', 'b', 'c', 'd', zeroblob(32))",
            "(zeroblob(16), 1, 'a', 'b', 'c', 'd', zeroblob(31))",
            "(zeroblob(15), 1, 'a', 'b', 'c', 'd', zeroblob(32))",
        ] {
            #expect(throws: DatabaseError.self, "\(values)") {
                try database.writer.write { db in
                    try db.execute(sql: "INSERT INTO audit_event (chain, seq, at, actor, action, subject, hash) VALUES \(values)")
                }
            }
        }
        try database.writer.write { db in
            try db.execute(
                sql:
                    "INSERT INTO audit_event (chain, seq, at, actor, action, subject, hash) VALUES (zeroblob(16), 1, 'a', 'b', 'c', 'd', zeroblob(32))"
            )
        }
        #expect(throws: DatabaseError.self, "one entry per chain and sequence number") {
            try database.writer.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO audit_event (chain, seq, at, actor, action, subject, hash) VALUES (zeroblob(16), 1, 'x', 'b', 'c', 'd', zeroblob(32))"
                )
            }
        }
    }

    @Test func v1CreatesTheTablesWithoutRowid() throws {
        let database = try AppDatabase.inMemory()
        try database.writer.read { db in
            let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            #expect(applied == (1...14).map { "v\($0)" })
            // `record` has been a rowid table on random slots since v14 (MigrationV14Tests).
            for table in ["office", "member", "office_key_seal", "invitation", "case_file", "mailbox", "intake_month"] {
                let sql = try String.fetchOne(
                    db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                    arguments: [table])
                let definition = try #require(sql, "table \(table) missing")
                #expect(definition.contains("WITHOUT ROWID"), "\(table) must not have a hidden rowid")
            }
        }
    }

    @Test func v1RefusesMalformedIds() throws {
        let database = try AppDatabase.inMemory()
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO office (id, position, name, public_key, key_version, recovery_public_key, profile)
                        VALUES (x'00', 1, 'x', zeroblob(32), 1, zeroblob(32), '{}')
                        """)
            }
        }
    }

    @Test func fileDatabaseIsDurableAndShreds() throws {
        let (database, _) = try Fixtures.database(file: true)
        let pragmas = try database.writer.writeWithoutTransaction { db throws -> [String] in
            try ["journal_mode", "synchronous", "foreign_keys", "secure_delete"].map {
                try String.fetchOne(db, sql: "PRAGMA \($0)") ?? ""
            }
        }
        #expect(pragmas[0] == "wal")
        #expect(pragmas[1] == "2", "intake must commit with synchronous=FULL")
        #expect(pragmas[2] == "1")
        #expect(pragmas[3] == "1")
    }
}
