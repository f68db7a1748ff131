import Casework
import Foundation
import Intake
import Sealing
import SichtbarCore
import SichtbarTesting
import Statistics
import Testing
import Workflow

@testable import CaseStore

/// Retention over a SQLite file: no sealed byte of a shredded case left in the database file or
/// its write-ahead log. (The service's days, holds and audit run over the in-memory engine, in
/// CaseworkTests' `RetentionServiceTests`.)
@Suite struct RetentionTests {
    /// 20 November 2025, 11:00 in Berlin.
    static let start = Date(timeIntervalSince1970: 1_763_632_800)

    @Test func nothingOfAShreddedCaseRemainsInTheFileOrItsLog() async throws {
        let (database, folder) = try Fixtures.database(file: true)
        let directory = try #require(folder)
        defer { try? FileManager.default.removeItem(at: directory) }
        let fixture = try await ServiceFixture.overSQLite(now: Self.start, database: database)
        let lead = try await fixture.login("lead.a")
        var ids: [EntityID] = []
        for index in 0..<3 {
            let (_, id) = try await fixture.submitCase(String(repeating: "Bericht \(index) über die Wohnungssuche. ", count: 40))
            try await fixture.casework.addNote("Notiz \(index)", to: id, by: lead)
            ids.append(id)
        }
        let ciphertexts = try await database.writer.read { db in
            try Data.fetchAll(db, sql: "SELECT ciphertext FROM record") + Data.fetchAll(db, sql: "SELECT sealed_keys FROM case_file")
                + Data.fetchAll(db, sql: "SELECT wrapped_key FROM mailbox")
        }
        #expect(ciphertexts.count >= 9)
        let retention = RetentionService(store: fixture.engine.retention, policy: RetentionPolicy(), now: { fixture.clock.now })
        try fixture.clock.move(to: "2026-11-20")
        #expect(try await retention.run(dryRun: false).shredded == [.unclassified: 3])

        var files = Data()
        for name in ["db.sqlite", "db.sqlite-wal"] {
            files += (try? Data(contentsOf: directory.appendingPathComponent(name))) ?? Data()
        }
        #expect(files.count > 0)
        let wal = (try? Data(contentsOf: directory.appendingPathComponent("db.sqlite-wal"))) ?? Data()
        #expect(wal.isEmpty, "the WAL is truncated after the shredding")
        for ciphertext in ciphertexts {
            // Any 24 bytes from the middle of a ciphertext would be found if a copy remained.
            let middle = ciphertext.count / 2
            let probe = ciphertext.subdata(in: (middle - 12)..<(middle + 12))
            #expect(files.range(of: probe) == nil, "a sealed byte sequence of \(ciphertext.count) bytes is still on disk")
        }
    }
}
