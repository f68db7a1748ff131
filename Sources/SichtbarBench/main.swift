import CaseStore
import Casework
import Foundation
import Sealing

// In-process intake benchmark: sealing alone, and sealing plus durable group-committed storage
// with 16 concurrent submitters, on a fresh file database. Prints a table.

let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
let taxonomy = try Taxonomy.load(from: root.appendingPathComponent("Policies/taxonomy.yaml"))
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sichtbar-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

let database = try AppDatabase.open(path: folder.appendingPathComponent("bench.sqlite").path)
_ = try await database.createOffice(name: "Bench", profile: OfficeProfile(regions: ["05913"]), keys: try OfficeKeys.generate())
let store = SQLiteReportStore(database: database)
let service = ReporterService(store: store, taxonomy: taxonomy, lookupKey: SecureBytes(randomCount: 32))
let submission = ReportSubmission(language: "de", narrative: String(repeating: "Benchmark-Meldung über einen Vorfall. ", count: 8),
                                  grounds: ["antisemitismus"], area: "wohnen", region: "05913", contactWish: "mailbox")
let offices = try await store.offices()
let today = Day(Date())

func measure(_ count: Int, _ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    let elapsed = ContinuousClock.now - start
    return Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
}

let sealCount = 5_000
let sealRate = try await measure(sealCount) {
    for _ in 0..<sealCount {
        let report = try service.validator.validate(submission, offices: offices, today: today)
        _ = try service.seal(report, on: today)
    }
}

let durableCount = 20_000
let durableRate = try await measure(durableCount) {
    try await withThrowingTaskGroup(of: Void.self) { group in
        for worker in 0..<16 {
            group.addTask {
                for _ in stride(from: worker, to: durableCount, by: 16) {
                    _ = try await service.submit(submission)
                }
            }
        }
        try await group.waitForAll()
    }
}

print("| in process                          | reports/s |")
print("|-------------------------------------|-----------|")
print(String(format: "| validate + seal, 1 task             | %9.0f |", sealRate))
print(String(format: "| seal + durable store, 16 tasks      | %9.0f |", durableRate))
