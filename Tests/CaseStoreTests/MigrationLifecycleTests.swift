import Foundation
import GRDB
import Sealing
import Testing

@testable import CaseStore

/// The data lifecycle's migrations (issue 16): v12 (retention) and v13 (notification addresses),
/// each frozen and each with what it must keep and refuse.
@Suite struct MigrationLifecycleTests {
    /// v13 keeps one plain address per member, gone with the member, and refuses one that could carry a header.
    @Test func v13KeepsOnePlainAddressPerMember() throws {
        let database = try AppDatabase.inMemory()
        let office = Data(repeating: 1, count: 16)
        let member = Data(repeating: 2, count: 16)
        try database.writer.write { db in
            try db.insertOffice(office)
            try db.execute(
                sql: """
                    INSERT INTO member (id, username, office_id, role, public_key, wrapped_secret) VALUES (?, 'carla', ?, 'counsellor', zeroblob(32), 'x')
                    """, arguments: [member, office])
            try db.execute(sql: "INSERT INTO member_notify (member_id, address) VALUES (?, 'carla@ada.de')", arguments: [member])
            for bad in ["carla@ada.de\r\nBcc: x@y.de", "a@b.de, c@d.de", "<a@b.de>", "a b@c.de"] {
                #expect(throws: DatabaseError.self, "\(bad.debugDescription)") {
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO member_notify (member_id, address) VALUES (?, ?)", arguments: [member, bad])
                }
            }
            try db.execute(sql: "DELETE FROM member WHERE id = ?", arguments: [member])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM member_notify") == 0)
        }
    }

    /// v12 gives cases from before it the day of the upgrade as their classification and deletion
    /// request day (never earlier than promised), a withdrawn report its withdrawal day, and no hold.
    @Test func v12BackfillsRetentionDaysThatOnlyDelayDeletion() throws {
        let queue = try Database.migrated(upTo: "v11")
        let office = Data(repeating: 1, count: 16)
        let classified = Data(repeating: 2, count: 16)
        let requested = Data(repeating: 3, count: 16)
        let withdrawn = Data(repeating: 4, count: 16)
        let plain = Data(repeating: 5, count: 16)
        try queue.write { db in
            try db.insertOffice(office)
            for (id, step, withdrawnOn) in [
                (classified, "abschluss", nil), (requested, "loeschung_beantragt", nil),
                (withdrawn, "loeschung_beantragt", "2026-10-02"), (plain, "eingegangen", nil),
            ] as [(Data, String, String?)] {
                try db.execute(
                    sql: """
                        INSERT INTO case_file (id, office_id, office_key_version, sealed_keys, kind, step, channel, received_on, withdrawn_on)
                        VALUES (?, ?, 1, x'00', 'meldung', ?, 'online_formular', '2026-01-01', ?)
                        """, arguments: [id, office, step, withdrawnOn])
            }
            try db.execute(
                sql:
                    "INSERT INTO case_facets (id, case_id, office_id, month, key_version, ciphertext) VALUES (?, ?, ?, '2026-01', 1, x'00')",
                arguments: [Data(repeating: 9, count: 16), classified, office])
        }
        try Migrations.migrator.migrate(queue)
        try queue.read { db in
            let today = try String.fetchOne(db, sql: "SELECT date('now')")
            func value(_ column: String, _ id: Data) throws -> String? {
                try String.fetchOne(db, sql: "SELECT \(column) FROM case_file WHERE id = ?", arguments: [id])
            }
            #expect(try value("classified_on", classified) == today)
            #expect(try value("classified_on", plain) == nil)
            #expect(try value("deletion_requested_on", requested) == today)
            #expect(try value("deletion_requested_on", withdrawn) == "2026-10-02")
            #expect(try value("deletion_requested_on", plain) == nil)
            #expect(try Int.fetchOne(db, sql: "SELECT sum(legal_hold) FROM case_file") == 0)
        }
        try queue.write { db in
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE case_file SET legal_hold = 2") }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO retention_dropped_year (office_id, year) VALUES (?, '25')", arguments: [office])
            }
        }
    }
}
