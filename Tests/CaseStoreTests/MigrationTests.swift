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

    @Test func v1CreatesTheTablesWithoutRowid() throws {
        let database = try AppDatabase.inMemory()
        try database.writer.read { db in
            let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            #expect(applied == ["v1"])
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
