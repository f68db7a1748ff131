import CaseStore
import Casework
import Foundation
import Intake
import Sealing
import SichtbarCore

/// In-process intake: sealing alone on one task, and sealing plus durable group-committed storage
/// with 16 concurrent submitters, on a fresh file database.
func benchIntake() async throws {
    let folder = try Bench.temporaryFolder("intake")
    defer { Bench.remove(folder) }
    let database = try AppDatabase.open(path: folder.appendingPathComponent("bench.sqlite").path)
    _ = try await Bench.createOffice(database)
    let store = SQLiteReportStore(database: database)
    let service = ReporterService(store: store, taxonomy: try Bench.taxonomy(), lookupKey: SecureBytes(randomCount: 32))
    let offices = try await store.offices()
    let today = Day(Date())

    let sealCount = 5_000
    let (_, sealSeconds) = try await Bench.time {
        for _ in 0..<sealCount {
            let report = try service.validator.validate(Bench.submission, offices: offices, today: today)
            _ = try service.seal(report, on: today)
        }
    }

    let durableCount = 20_000
    let (_, durableSeconds) = try await Bench.time { try await Bench.submitConcurrently(service, count: durableCount) }

    let table = Table(["in process", "reports/s"], widths: [35, 9])
    table.row(["validate + seal, 1 task", format(Double(sealCount) / sealSeconds)])
    table.row(["seal + durable store, 16 tasks", format(Double(durableCount) / durableSeconds)])
}
