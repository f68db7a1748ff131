import GRDB
import Sealing
import Testing
@testable import CaseStore

@Suite struct MigrationTests {
    /// v1 is frozen: editing a shipped migration breaks every existing database. Change the schema
    /// with a new migration instead, never by editing this string.
    @Test func v1IsFrozen() {
        let digest = KeyedHash.digest(Array(Migrations.v1.utf8), length: 16)
        let hex = digest.map { String(format: "%02x", $0) }.joined()
        #expect(hex == MigrationTests.v1Digest, "Migrations.v1 changed; add a new migration instead")
    }

    static let v1Digest = "ef840df0e9fcc515d09844e33c71d099"

    /// v2 (Verband, rotations, audit chains) is frozen the same way.
    @Test func v2IsFrozen() {
        let digest = KeyedHash.digest(Array(Migrations.v2.utf8), length: 16)
        let hex = digest.map { String(format: "%02x", $0) }.joined()
        #expect(hex == MigrationTests.v2Digest, "Migrations.v2 changed; add a new migration instead")
    }

    static let v2Digest = "9732605226f4bbea9fb4af67db30a8ab"

    @Test func v2CreatesTheTablesWithoutRowid() throws {
        let database = try AppDatabase.inMemory()
        try database.writer.read { db in
            for table in ["verband", "verband_key_seal", "key_rotation", "audit_event", "audit_head", "audit_pending", "audit_checkpoint"] {
                let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
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
        for values in ["(zeroblob(16), 0, 'a', 'b', 'c', 'd', zeroblob(32))",
                       "(zeroblob(16), 1, 'a', 'b', 'c', 'd', zeroblob(31))",
                       "(zeroblob(15), 1, 'a', 'b', 'c', 'd', zeroblob(32))"] {
            #expect(throws: DatabaseError.self, "\(values)") {
                try database.writer.write { db in
                    try db.execute(sql: "INSERT INTO audit_event (chain, seq, at, actor, action, subject, hash) VALUES \(values)")
                }
            }
        }
        try database.writer.write { db in
            try db.execute(sql: "INSERT INTO audit_event (chain, seq, at, actor, action, subject, hash) VALUES (zeroblob(16), 1, 'a', 'b', 'c', 'd', zeroblob(32))")
        }
        #expect(throws: DatabaseError.self, "one entry per chain and sequence number") {
            try database.writer.write { db in
                try db.execute(sql: "INSERT INTO audit_event (chain, seq, at, actor, action, subject, hash) VALUES (zeroblob(16), 1, 'x', 'b', 'c', 'd', zeroblob(32))")
            }
        }
    }

    @Test func v1CreatesTheTablesWithoutRowid() throws {
        let database = try AppDatabase.inMemory()
        try database.writer.read { db in
            let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            #expect(applied == ["v1", "v2"])
            for table in ["office", "member", "office_key_seal", "invitation", "case_file", "mailbox", "record", "intake_month"] {
                let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
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
                try db.execute(sql: """
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
