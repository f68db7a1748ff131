import ArgumentParser
import CaseStore
import Casework
import Foundation
import SichtbarCore

/// `sichtbar retention run [--dry-run] [--json]`: applies `Policies/retention.yaml` now. `serve`
/// runs the same once a day by itself.
struct RetentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention", abstract: "Delete what the retention policy says must go.",
        subcommands: [Run.self])

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Crypto-shred every case that is due today (Europe/Berlin), and print per kind what was due and what went.")
        @OptionGroup var dataOptions: DataOptions
        @OptionGroup var resources: ResourceOptions
        @Flag(name: .long, help: "Only count what is due; delete nothing.") var dryRun = false
        @Flag(name: .long, help: "Print one JSON object: {\"due\": {KIND: N}, \"shredded\": {KIND: N}, …}.") var json = false

        func run() async throws {
            try await failingCleanly {
                let policy: RetentionPolicy
                do {
                    policy = try RetentionPolicy.load(from: try resources.policiesURL().appendingPathComponent(RetentionPolicy.fileName))
                } catch let error as PolicyError {
                    throw CLIError.badInput("policy refused: \(error)")
                }
                let context = try await MemberContext(dataOptions)
                let report = try await RetentionService(store: context.stores.retention, policy: policy).run(dryRun: dryRun)
                if json {
                    try JSONOutput.print(report.json)
                } else {
                    print(Self.table(report))
                }
            }
        }

        static func table(_ report: RetentionReport) -> String {
            var lines = ["retention \(report.dryRun ? "dry run" : "run") on \(report.day.iso)", "kind               due  shredded"]
            func line(_ name: String, _ due: Int, _ done: Int) -> String {
                name.padding(toLength: 17, withPad: " ", startingAt: 0) + String(format: "%5d %9d", due, done)
            }
            for kind in RetentionKind.allCases {
                lines.append(line(kind.rawValue, report.due[kind] ?? 0, report.shredded[kind] ?? 0))
            }
            lines.append(line("facets", report.facetsDue, report.facetsDropped))
            lines.append("flagged (unclassified, going soon): \(report.flagged); held (legal hold): \(report.held)")
            return lines.joined(separator: "\n")
        }
    }
}
