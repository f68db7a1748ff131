import Foundation
import GRDB
import Sealing
import Testing

@testable import CaseStore

/// v6, key integrity: frozen once shipped, and its constraints hold.
struct MigrationV6Tests {
    @Test func v6KeepsOneManifestPerOfficeAndFingerprintsOfOneLength() throws {
        let database = try AppDatabase.inMemory()
        try database.writer.write { db in
            try db.insertOffice(Data(count: 16))
            #expect(try Int.fetchOne(db, sql: "SELECT rotation_requested FROM office") == 0)
            try db.execute(
                sql: "INSERT INTO key_manifest (office_id, key_version, body, tag) VALUES (zeroblob(16), 1, x'00', zeroblob(32))")
            #expect(throws: DatabaseError.self, "one manifest per office") {
                try db.execute(
                    sql: "INSERT INTO key_manifest (office_id, key_version, body, tag) VALUES (zeroblob(16), 2, x'00', zeroblob(32))")
            }
            #expect(throws: DatabaseError.self, "a tag is 32 bytes") {
                try db.execute(sql: "UPDATE key_manifest SET tag = zeroblob(16)")
            }
            func insertCase(_ fingerprint: String) throws {
                try db.execute(
                    sql: """
                        INSERT INTO case_file (id, office_id, office_key_version, sealed_keys, kind, step, channel, received_on, sealed_to)
                        VALUES (randomblob(16), zeroblob(16), 1, x'00', 'meldung', 'eingegangen', 'online_formular', '2026-12-01', \(fingerprint))
                        """)
            }
            try insertCase("zeroblob(16)")
            try insertCase("NULL")
            #expect(throws: DatabaseError.self, "a fingerprint is 16 bytes") { try insertCase("zeroblob(8)") }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM case_file WHERE key_checked = 0") == 2, "new cases wait for a check")
        }
    }
}
