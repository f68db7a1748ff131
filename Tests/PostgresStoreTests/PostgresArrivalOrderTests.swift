import Foundation
import Intake
import PostgresNIO
import PostgresTesting
import SichtbarCore
import SichtbarTesting
import Testing

@testable import PostgresStore

/// The daily rewrite on PostgreSQL: after it, the heap holds the arrival tables in the order of
/// their random ids and every row carries one transaction id, while every row and byte is kept and
/// a report sent during the rewrite waits and is stored.
@Suite(.enabled(if: PostgresTestServer.isInPlay)) struct PostgresArrivalOrderTests {
    @Test func theRewriteLeavesIdOrderAndOneTransactionAndKeepsEveryRow() async throws {
        let database = try await PostgresScratch.open()
        let office = try await PostgresIntakeTests.office(database)
        let reports = PostgresReportStore(database: database, today: { PostgresIntakeTests.today })
        // Eight batches one after another: eight transaction ids, in arrival order on the heap.
        for _ in 0..<8 {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<6 {
                    group.addTask { try await reports.submit(IntakeFixture.intake(officeID: office.id, on: PostgresIntakeTests.today)) }
                }
                try await group.waitForAll()
            }
        }
        #expect(try await Self.transactions("case_file", database) > 1, "before: batches are told apart")
        let before = try await Self.export(database)

        // A report sent while the rewrite holds its locks waits for it and is stored.
        async let rewritten = database.eraseArrivalOrder()
        let late = IntakeFixture.intake(officeID: office.id, on: PostgresIntakeTests.today)
        async let sent: Void = reports.submit(late)
        let rows = try await rewritten
        try await sent
        #expect(rows >= 48 * 3)

        let after = try await Self.export(database)
        // Every row before is there after, byte for byte; the late report added one case (and
        // counted one more unclassified report of the month).
        for (old, new) in zip(before, after) where old.name != "intake_month" {
            let kept = old.columns == new.columns && old.rows.allSatisfy { new.rows.contains($0) }
            #expect(kept, "\(old.name) kept byte for byte")
        }
        #expect(try await database.count("case_file") == 49)
        #expect(try await reports.mailbox(lookupID: late.lookupID)?.records == late.records)

        // Once more without a late report: heap order is id order, one transaction wrote all.
        try await database.eraseArrivalOrder()
        #expect(try await Self.export(database) == (try await Self.export(database)))
        for (table, key) in [("case_file", "id"), ("mailbox", "lookup_id"), ("record", "id")] {
            #expect(try await Self.transactions(table, database) == 1, "\(table): one transaction id")
            let heapOrder = try await database.read { session in
                try await session.rows(PostgresQuery(unsafeSQL: "SELECT \(key) FROM \(table) ORDER BY ctid")).map { try $0.bytes(0) }
            }
            #expect(heapOrder.count == 49)
            #expect(heapOrder == heapOrder.sorted { $0.lexicographicallyPrecedes($1) }, "\(table): the heap follows the random ids")
        }
        #expect(try await Self.export(database).map(\.rows.count) == after.map(\.rows.count))
    }

    /// How many transactions wrote the rows of `table`.
    static func transactions(_ table: String, _ database: PostgresStore.PostgresDatabase) async throws -> Int {
        try await database.read { session in
            try await session.count(PostgresQuery(unsafeSQL: "SELECT count(DISTINCT xmin::text) FROM \(table)"))
        }
    }

    static func export(_ database: PostgresStore.PostgresDatabase) async throws -> [CopiedTable] {
        var tables: [CopiedTable] = []
        for name in CopiedTable.order { tables.append(try await database.exportTable(name)) }
        return tables
    }
}
