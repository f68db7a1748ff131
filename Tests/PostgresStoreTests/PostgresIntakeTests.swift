import Casework
import Foundation
import Intake
import PostgresNIO
import PostgresTesting
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing

@testable import PostgresStore

/// Group commit on PostgreSQL: concurrent reports share transactions, each answered only after
/// a durable COMMIT; a failed batch stores nothing and answers every reporter in it "unavailable".
@Suite(.enabled(if: PostgresTestServer.isInPlay)) struct PostgresIntakeTests {
    static let today = day("2026-03-10")

    static func office(_ database: PostgresStore.PostgresDatabase) async throws -> Office {
        try await database.createOffice(name: "Beratungsstelle", profile: OfficeProfile(), keys: try OfficeKeys.generate())
    }

    /// Every connection of the pool commits with `synchronous_commit = on`, whatever the server's default.
    @Test func everyConnectionCommitsDurably() async throws {
        let database = try await PostgresScratch.open()
        let settings = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<4 {
                group.addTask { try await database.read { session in try await session.one("SHOW synchronous_commit")?.string(0) ?? "" } }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(settings == Array(repeating: "on", count: 4))
    }

    @Test func concurrentReportsAreAllKeptInFewerTransactions() async throws {
        let database = try await PostgresScratch.open()
        let office = try await Self.office(database)
        let reports = PostgresReportStore(database: database, today: { Self.today })
        let intakes = (0..<64).map { _ in IntakeFixture.intake(officeID: office.id, on: Self.today) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for intake in intakes { group.addTask { try await reports.submit(intake) } }
            try await group.waitForAll()
        }
        // Each row carries the id of the transaction that wrote it.
        let commits = try await database.read { session in try await session.count("SELECT count(DISTINCT xmin::text) FROM case_file") }
        #expect(try await database.count("case_file") == 64)
        #expect(try await database.count("mailbox") == 64)
        #expect(try await database.count("record") == 64)
        let unclassified = try await PostgresStatisticsStore(database: database).unclassifiedReports(
            officeID: office.id, months: [Self.today.monthKey])
        #expect(unclassified == 64)
        #expect(commits < 64, "64 reports in \(commits) commits")
        for intake in intakes.prefix(3) {
            #expect(try await reports.mailbox(lookupID: intake.lookupID)?.records == intake.records)
        }
    }

    /// One report sealed to a key the office no longer keeps fails its whole batch: nothing of
    /// the batch is stored, and the others are told to send again (503), not given a receipt.
    @Test func aFailedBatchStoresNothing() async throws {
        let database = try await PostgresScratch.open()
        let office = try await Self.office(database)
        let batch =
            (0..<5).map { _ in IntakeFixture.intake(officeID: office.id, on: Self.today) } + [
                IntakeFixture.intake(officeID: office.id, on: Self.today, keyVersion: 9)
            ]
        await #expect(throws: StoreError.unavailable("the office key changed")) {
            try await database.write { session in try await PostgresIntakeBatcher.write(batch, session) }
        }
        #expect(try await database.count("case_file") == 0)
        #expect(try await database.count("record") == 0)
        #expect(try await database.count("intake_month") == 0)
    }

    /// Through the batcher: whoever shared a batch with the bad report hears "unavailable" and
    /// is not stored; whoever was answered is stored.
    @Test func everyReporterOfAFailedBatchHearsUnavailable() async throws {
        let database = try await PostgresScratch.open()
        let office = try await Self.office(database)
        let reports = PostgresReportStore(database: database, today: { Self.today })
        let bad = IntakeFixture.intake(officeID: office.id, on: Self.today, keyVersion: 9)
        let good = (0..<30).map { _ in IntakeFixture.intake(officeID: office.id, on: Self.today) }
        let outcomes = await withTaskGroup(of: (EntityID, Bool).self) { group in
            for intake in good + [bad] {
                group.addTask {
                    do {
                        try await reports.submit(intake)
                        return (intake.caseID, true)
                    } catch let error as StoreError {
                        if case .unavailable = error { return (intake.caseID, false) }
                        return (intake.caseID, true)
                    } catch {
                        return (intake.caseID, true)
                    }
                }
            }
            return await group.reduce(into: [EntityID: Bool]()) { $0[$1.0] = $1.1 }
        }
        #expect(outcomes[bad.caseID] == false)
        let stored = try await database.read { session in
            Set(try await session.rows("SELECT id FROM case_file").compactMap { $0.id(0) })
        }
        let answered = Set(outcomes.filter { $0.value }.keys)
        #expect(stored == answered, "answered means stored, refused means not")
    }

    /// Within a batch the rows go in by case id: where a row sits tells nothing of who came first.
    @Test func aBatchIsWrittenInIdOrder() async throws {
        let database = try await PostgresScratch.open()
        let office = try await Self.office(database)
        let batch = (0..<20).map { _ in IntakeFixture.intake(officeID: office.id, on: Self.today) }
        try await database.write { session in try await PostgresIntakeBatcher.write(batch, session) }
        let (cases, records) = try await database.read { session in
            (
                try await session.rows("SELECT id FROM case_file ORDER BY ctid").compactMap { $0.id(0) },
                try await session.rows("SELECT id FROM record ORDER BY ctid").compactMap { $0.id(0) }
            )
        }
        let caseIDs: [EntityID] = batch.map { $0.caseID }.sorted { $0.precedes($1) }
        let recordIDs: [EntityID] = batch.flatMap { $0.records }.map { $0.id }.sorted { $0.precedes($1) }
        #expect(cases == caseIDs)
        #expect(records == recordIDs)
    }
}
