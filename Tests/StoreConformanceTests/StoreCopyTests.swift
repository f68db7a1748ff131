import App
import CaseStore
import Casework
import Foundation
import PostgresStore
import PostgresTesting
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing

/// The table-level copy behind `sichtbar store copy`: every table of both engines is carried, a
/// store copied SQLite → PostgreSQL → SQLite comes back row for row, and a copy that cannot be
/// written leaves the target empty.
@Suite struct StoreCopyTests {
    @Test func sqliteHoldsExactlyTheTablesACopyCarries() async throws {
        let database = try AppDatabase.inMemory()
        #expect(Set(try await database.storeTables()) == Set(CopiedTable.order))
        #expect(CopiedTable.order.count == Set(CopiedTable.order).count)
    }

    @Test(.enabled(if: PostgresTestServer.isInPlay)) func postgresHoldsExactlyTheTablesACopyCarries() async throws {
        let database = try await PostgresScratch.open()
        #expect(Set(try await database.storeTables()) == Set(CopiedTable.order))
    }

    @Test(.enabled(if: PostgresTestServer.isInPlay)) func aStoreCopiedToPostgresAndBackIsTheSameRowForRow() async throws {
        let (source, fixture, signer) = try await Self.populatedSQLite()

        let exported = try await Self.export(source.exportTable)
        #expect(exported.allSatisfy { !$0.columns.contains("slot") }, "a record's slot stays with its engine")
        #expect(exported.filter { !$0.rows.isEmpty }.count >= 12, "\(exported.filter { !$0.rows.isEmpty }.map(\.name))")

        let postgres = try await PostgresScratch.open()
        try await postgres.importTables(exported)
        for table in exported { #expect(try await postgres.rowCount(table.name) == table.rows.count, "\(table.name)") }
        let back = try AppDatabase.inMemory()
        try await back.importTables(try await Self.export(postgres.exportTable))
        let returned = try await Self.export(back.exportTable)
        for (before, after) in zip(exported, returned) {
            let same = before == after
            #expect(same, "\(before.name) differs after SQLite → PostgreSQL → SQLite")
        }
        // The chains still verify with the same key on the copy, and the copy reads the same cases.
        let copied = PostgresStores(database: postgres, signer: signer).members
        let verdict = try await copied.verifyChain(fixture.office.id, key: signer.publicKey)
        #expect(verdict == (try await fixture.verify(fixture.office.id)))
        guard case .intact(let events) = verdict else { throw Unexpected(verdict) }
        #expect(events >= 3)
    }

    @Test(arguments: [true, false].filter { $0 == false || PostgresTestServer.isInPlay })
    func aCopyThatCannotBeWrittenLeavesTheTargetEmpty(postgres: Bool) async throws {
        let (source, _, _) = try await Self.populatedSQLite()
        var tables = try await Self.export(source.exportTable)
        // The last table gets a row whose address is a blob where text belongs.
        let last = try #require(tables.indices.last)
        tables[last].rows.append(tables[last].columns.map { _ in .bytes([1, 2, 3]) })
        if postgres {
            let target = try await PostgresScratch.open()
            await #expect(throws: (any Error).self) { try await target.importTables(tables) }
            for table in tables { #expect(try await target.rowCount(table.name) == 0, "\(table.name)") }
        } else {
            let target = try AppDatabase.inMemory()
            try await target.writer.write { db in try db.execute(sql: "PRAGMA foreign_keys = ON") }
            await #expect(throws: (any Error).self) {
                var broken = tables
                // SQLite takes a blob in a text column: refuse by an unknown column instead.
                broken[last] = CopiedTable(name: tables[last].name, columns: tables[last].columns + ["no_such_column"], rows: [])
                try await target.importTables(broken)
            }
            for table in tables { #expect(try await target.rowCount(table.name) == 0, "\(table.name)") }
        }
    }

    @Test func aTableOutsideTheStoreIsRefused() async throws {
        let database = try AppDatabase.inMemory()
        await #expect(throws: StoreCopyError.self) { try await database.exportTable("grdb_migrations") }
        await #expect(throws: StoreCopyError.self) { try await database.rowCount("sqlite_master") }
    }

    struct Unexpected: Error {
        let verdict: AuditVerdict
        init(_ verdict: AuditVerdict) { self.verdict = verdict }
    }

    static func export(_ read: (String) async throws -> CopiedTable) async throws -> [CopiedTable] {
        var tables: [CopiedTable] = []
        for name in CopiedTable.order { tables.append(try await read(name)) }
        return tables
    }

    /// An in-memory SQLite store filled by `populate`, with its fixture and signing key.
    static func populatedSQLite() async throws -> (AppDatabase, ConformanceFixture, SigningKeyPair) {
        let signer = SigningKeyPair()
        let clock = TestDay(ConformanceFixture.start)
        let source = try AppDatabase.inMemory()
        let fixture = try await ConformanceFixture.make(
            stores: EngineStores(.sqlite(source, signer: signer, today: { clock.today }), signer: signer), clock: clock)
        try await populate(fixture)
        return (source, fixture, signer)
    }

    /// Offices, members, a Verband, reports, worked cases with assignees, facets, a tally and a
    /// flushed reporter day: most tables get rows.
    static func populate(_ fixture: ConformanceFixture) async throws {
        _ = try await fixture.createVerband()
        for _ in 0..<5 { try await fixture.submit() }
        try await fixture.submit(officeID: fixture.other.id)
        for index in 0..<4 {
            let row = try await fixture.create(fixture.newCase(assignees: [fixture.assignment(fixture.counsellor)], records: 2 + index))
            var classify = CaseUpdate(row: row)
            classify.facets = fixture.facets()
            try await fixture.caseFiles.update(classify)
        }
        try await fixture.caseFiles.recordTally(
            ContactTally(month: fixture.clock.today.monthKey, channel: "telefon", ground: "rassismus", referral: nil),
            officeID: fixture.office.id, audit: fixture.event("berater.a", .tallyRecorded, "tally"))
        try await fixture.members.record([fixture.event("lead.a", .caseListViewed)], chain: fixture.office.id)
        fixture.clock.advance()
        _ = try await fixture.members.checkpoint(chain: fixture.office.id, by: "lead.a")
    }
}
