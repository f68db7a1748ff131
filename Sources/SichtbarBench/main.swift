import Foundation

// In-process benchmarks, printed as Markdown tables. `make bench` (bench/run.sh) runs them with
// the HTTP runs. Usage:
//
//   SichtbarBench [intake] [login] [audit] [rotation] [cases] [stats] [merge] [suppression] [--logins N]
//                 [--audit-data DIR] [--audit-events N] [--audit-batch N] [--rotation-cases N]
//                 [--cases-data DIR] [--list-cases N] [--samples N] [--stats-cases N] [--merge-offices N]
//
// With no section named, every section runs. `--audit-data DIR` keeps the audit chain's data
// folder (for timing `sichtbar audit verify --data DIR` on it); `--cases-data DIR` keeps the
// case office's (for serving it to the HTTP runs); without them a temporary folder is used and
// removed.

let sectionNames = ["intake", "login", "audit", "rotation", "cases", "stats", "merge", "suppression"]
var sections: [String] = []
var options: [String: String] = [:]
var remaining = CommandLine.arguments.dropFirst()[...]
while let argument = remaining.popFirst() {
    if [
        "--logins", "--audit-data", "--audit-events", "--audit-batch", "--rotation-cases", "--cases-data", "--list-cases",
        "--samples", "--stats-cases", "--merge-offices",
    ].contains(argument),
        let value = remaining.popFirst()
    {
        options[String(argument.dropFirst(2))] = value
    } else if sectionNames.contains(argument) {
        sections.append(argument)
    } else {
        FileHandle.standardError.write(Data("SichtbarBench: unknown argument \(argument)\n".utf8))
        exit(2)
    }
}
if sections.isEmpty { sections = sectionNames }

@MainActor func number(_ name: String, _ fallback: Int) -> Int {
    guard let text = options[name] else { return fallback }
    guard let value = Int(text), value > 0 else {
        FileHandle.standardError.write(Data("SichtbarBench: --\(name) takes a positive whole number\n".utf8))
        exit(2)
    }
    return value
}

do {
    for (index, section) in sections.enumerated() {
        if index > 0 { print("") }
        switch section {
        case "intake":
            try await benchIntake()
        case "login":
            try await benchLogin(count: number("logins", 20))
        case "audit":
            let events = number("audit-events", 1_000_000)
            let batch = number("audit-batch", 10_000)
            if let path = options["audit-data"] {
                try await benchAudit(folder: URL(fileURLWithPath: path, isDirectory: true), events: events, batch: batch)
            } else {
                let folder = try Bench.temporaryFolder("audit")
                defer { Bench.remove(folder) }
                try await benchAudit(folder: folder, events: events, batch: batch)
            }
        case "cases":
            let cases = number("list-cases", 100_000)
            let samples = number("samples", 200)
            if let path = options["cases-data"] {
                try await benchCases(folder: URL(fileURLWithPath: path, isDirectory: true), cases: cases, samples: samples)
            } else {
                let folder = try Bench.temporaryFolder("cases")
                defer { Bench.remove(folder) }
                try await benchCases(folder: folder, cases: cases, samples: samples)
            }
        case "stats":
            try await benchStatistics(cases: number("stats-cases", 28_600), samples: number("samples", 20))
        case "merge":
            try benchMerge(offices: number("merge-offices", 50), samples: number("samples", 20))
        case "suppression":
            try benchSuppression(offices: number("merge-offices", 50), samples: number("samples", 20))
        default:
            try await benchRotation(cases: number("rotation-cases", 100_000))
        }
    }
} catch {
    FileHandle.standardError.write(Data("SichtbarBench: \(error)\n".utf8))
    exit(1)
}
