import CaseStore
import Casework
import Foundation
import Intake
import Sealing
import SichtbarCore

/// Shared pieces of the in-process benchmarks: clocks, percentiles, Markdown rows, and the few
/// lines of office and member set-up the `sichtbar` executable has in `OfficeSetup` (which this
/// target cannot import).
enum Bench {
    /// The repository root: `make bench` runs from there, and `Policies/` is read from it.
    static let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Seconds taken by `body`, and its result.
    static func time<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
        let start = ContinuousClock.now
        let result = try await body()
        return (result, seconds(ContinuousClock.now - start))
    }

    /// The same for synchronous work (a name of its own, so a trailing closure is never ambiguous).
    static func timeSync<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = ContinuousClock.now
        let result = try body()
        return (result, seconds(ContinuousClock.now - start))
    }

    /// Nearest-rank percentile of unsorted samples.
    static func percentile(_ samples: [Double], _ percent: Double) -> Double {
        guard !samples.isEmpty else { return .nan }
        let sorted = samples.sorted()
        let rank = Int((percent / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// A fresh temporary folder (mode 0700), removed by `remove`.
    static func temporaryFolder(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sichtbar-bench-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        return folder
    }

    static func remove(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder)
    }

    static let submission = ReportSubmission(
        language: "de", narrative: String(repeating: "Benchmark-Meldung über einen Vorfall. ", count: 8),
        grounds: ["antisemitismus"], area: "wohnen", region: "05913", contactWish: "mailbox",
        consent: true)

    static func taxonomy() throws -> Taxonomy {
        try Taxonomy.load(from: root.appendingPathComponent("Policies/taxonomy.yaml"))
    }

    /// An office whose regions include the benchmark report's region, with the privacy-notice
    /// facts an office needs to take reports.
    static func createOffice(_ database: AppDatabase, name: String = "Bench") async throws -> (Office, OfficeKeys) {
        let keys = try OfficeKeys.generate()
        let profile = OfficeProfile(regions: ["05913"], controller: "Bench e. V.", law: .dsgvo, dpo: "datenschutz@example.org")
        return (try await database.createOffice(name: name, profile: profile, keys: keys), keys)
    }

    /// Submits `count` reports through `service` from 16 concurrent tasks, each answered only
    /// once durable (group commit), as intake over HTTP does.
    static func submitConcurrently(_ service: ReporterService, count: Int, tasks: Int = 16) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<tasks {
                group.addTask {
                    for _ in stride(from: worker, to: count, by: tasks) {
                        _ = try await service.submit(submission)
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}

/// A Markdown table printed row by row: the first column left-aligned, the others right-aligned.
struct Table {
    let widths: [Int]

    init(_ headers: [String], widths: [Int]) {
        self.widths = widths
        row(headers)
        print("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
    }

    func row(_ cells: [String]) {
        let padded = zip(cells, widths).enumerated().map { index, pair -> String in
            let (cell, width) = pair
            let fill = String(repeating: " ", count: max(width - cell.count, 0))
            return index == 0 ? cell + fill : fill + cell
        }
        print("| " + padded.joined(separator: " | ") + " |")
    }
}

func format(_ value: Double, _ decimals: Int = 0) -> String {
    String(format: "%.\(decimals)f", value)
}

/// Fails the benchmark with a message on standard error.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
