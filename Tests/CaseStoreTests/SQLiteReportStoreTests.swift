import Casework
import Foundation
import GRDB
import Intake
import Sealing
import SichtbarCore
import Testing

@testable import CaseStore

@Suite struct SQLiteReportStoreTests {
    @Test func reportRoundTripsThroughTheMailbox() async throws {
        let (database, _) = try Fixtures.database()
        _ = try await Fixtures.withOffices(database)
        let (service, _) = try Fixtures.service(database)
        let receipt = (try await service.submit(Fixtures.report("Marker-Alpha happened"))).receipt
        let view = try #require(try await service.read(receipt: receipt, includeReport: true))
        #expect(view.report?.narrative == "Marker-Alpha happened")
        #expect(view.status == .eingegangen)
        #expect(try await service.addMessage(receipt: try Receipt.parse(receipt.formatted.lowercased()), text: "more"))
        let again = try #require(try await service.read(receipt: receipt, includeReport: false))
        #expect(again.messages.map(\.text) == ["more"])
        #expect(again.report == nil)
    }

    @Test func regionRoutesToTheServingOffice() async throws {
        let (database, _) = try Fixtures.database()
        let offices = try await Fixtures.withOffices(database)
        let (service, _) = try Fixtures.service(database)
        _ = try await service.submit(Fixtures.report("routed", region: "05913"))
        let officeOfCase = try await database.writer.read { db in
            try Data.fetchOne(db, sql: "SELECT office_id FROM case_file")
        }
        #expect(officeOfCase == Data(offices[1].0.id.bytes))
    }

    @Test func nothingReadableIsStored() async throws {
        let (database, _) = try Fixtures.database()
        _ = try await Fixtures.withOffices(database)
        let (service, _) = try Fixtures.service(database)
        let marker = "Marker-\(UUID().uuidString)"
        _ = try await service.submit(Fixtures.report("\(marker) narrative", contact: "\(marker)@example.org"))
        let blobs = try await database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM case_file").flatMap { $0.databaseValues }
                + Row.fetchAll(db, sql: "SELECT * FROM record").flatMap { $0.databaseValues }
                + Row.fetchAll(db, sql: "SELECT * FROM mailbox").flatMap { $0.databaseValues }
        }
        let needle = Array(marker.utf8)
        for value in blobs {
            let bytes: [UInt8]
            switch value.storage {
            case .blob(let data): bytes = [UInt8](data)
            case .string(let text): bytes = Array(text.utf8)
            default: continue
            }
            #expect(!bytes.contains(needle), "a stored value contains the marker in clear")
        }
        #expect(try await database.count("record") == 2, "report and contact records")
    }

    @Test func withdrawalShredsEveryRow() async throws {
        let (database, _) = try Fixtures.database(file: true)
        _ = try await Fixtures.withOffices(database)
        let (service, _) = try Fixtures.service(database)
        let kept = (try await service.submit(Fixtures.report("kept"))).receipt
        let gone = (try await service.submit(Fixtures.report("gone"))).receipt
        _ = try await service.addMessage(receipt: gone, text: "a message")
        #expect(try await service.withdraw(receipt: gone) == .geloescht)
        #expect(try await service.read(receipt: gone, includeReport: false) == nil)
        #expect(try await service.read(receipt: kept, includeReport: true)?.report?.narrative == "kept")
        #expect(try await database.count("case_file") == 1)
        #expect(try await database.count("mailbox") == 1)
        #expect(try await database.count("record") == 1)
        let unclassified = try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT sum(unclassified) FROM intake_month") }
        #expect(unclassified == 1)
    }

    @Test func workedCaseAsksForDeletionInstead() async throws {
        let (database, _) = try Fixtures.database()
        _ = try await Fixtures.withOffices(database)
        let (service, _) = try Fixtures.service(database)
        let receipt = (try await service.submit(Fixtures.report("worked"))).receipt
        try await database.writer.write { db in try db.execute(sql: "UPDATE case_file SET touched = 1") }
        #expect(try await service.withdraw(receipt: receipt) == .loeschungBeantragt)
        #expect(try await service.read(receipt: receipt, includeReport: false)?.status == .loeschungBeantragt)
        #expect(try await database.count("case_file") == 1)
    }

    @Test func concurrentReportsAreGroupCommitted() async throws {
        let (database, _) = try Fixtures.database(file: true)
        _ = try await Fixtures.withOffices(database)
        let (service, _) = try Fixtures.service(database)
        let receipts = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<200 {
                group.addTask { (try await service.submit(Fixtures.report("report \(index)"))).receipt.formatted }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(Set(receipts).count == 200)
        #expect(try await database.count("case_file") == 200)
    }

    @Test func aFailedBatchAnswersUnavailableAndStoresNothing() async throws {
        let (database, _) = try Fixtures.database()
        let offices = try await Fixtures.withOffices(database)
        let (service, store) = try Fixtures.service(database)
        let report = try service.validator.validate(Fixtures.report("x"), offices: [offices[0].0], today: Day(Date()))
        let (intake, _) = try service.seal(report, on: Day(Date()))
        try await store.submit(intake)
        // The same case id again violates the primary key: the whole batch fails.
        await #expect(throws: StoreError.unavailable("the report batch could not be committed")) {
            try await store.submit(intake)
        }
        #expect(try await database.count("case_file") == 1)
    }

    @Test func healthFollowsWritability() async throws {
        let (database, _) = try Fixtures.database(file: true)
        #expect(await database.isWritable())
        try await database.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA query_only = ON") }
        #expect(await database.isWritable() == false)
    }
}
