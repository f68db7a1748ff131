import Casework
import Foundation
import Sealing
import SichtbarCore
import Statistics
import Workflow

/// Issue 5's Verband figure: `stats merge` over 50 signed office releases of a year (target
/// ≤ 1 s): open and verify every file, check and sum the tables, protect the merged release
/// once, sign it. The releases are counted by `TableCounter` over seeded synthetic offices of
/// 40 to 440 cases, so every table adds up as a real release does.
func benchMerge(offices: Int, samples: Int) throws {
    let (policy, vocabulary, year, today) = try mergeSetting()
    let officeKey = SigningKeyPair()
    let verband = SigningKeyPair()
    let files = try (1...offices).map { office in
        try SyntheticOffices.release(
            policy: policy, vocabulary: vocabulary, office: office, cases: casesOf(office), period: year,
            day: today, signer: officeKey)
    }
    let merge = VerbandMerge(policy: policy, taxonomyVersion: vocabulary.taxonomy.version, trustedKeys: [officeKey.publicKey])
    var outcome: VerbandMergeResult?
    let whole = try syncSamples(samples) {
        outcome = merge.merge(files, on: today)
        guard case .merged(let merged) = outcome else { throw BenchFailure("the merge was refused") }
        _ = try merged.file.signed(with: verband).serialised()
    }
    let opening = try syncSamples(samples) {
        for file in files where !StatFile.open(file, key: nil).verdict.isValid { throw BenchFailure("a release does not verify") }
    }
    guard case .merged(let merged) = outcome else {
        if case .refused(let refusal) = outcome { throw BenchFailure(refusal.message) }
        throw BenchFailure("no merge ran")
    }
    let cases = (1...offices).reduce(0) { $0 + casesOf($1) }
    let bytes = files.reduce(0) { $0 + $1.count }
    let table = Table(["Verband merge, \(samples) runs", "files", "p50 ms", "p95 ms", "p99 ms", "target"], widths: [44, 6, 7, 7, 7, 9])
    table.row(["open + verify + merge + protect + sign, year"] + ["\(offices)"] + Bench.percentiles(whole) + ["≤ 1000 ms"])
    table.row(["for comparison: open and verify, one after another"] + ["\(offices)"] + Bench.percentiles(opening) + [""])
    let summary = merged.disclosure.map { "\($0.primary) primary, \($0.secondary) secondary, \($0.auditRounds) audit rounds" } ?? "none"
    print("(\(offices) offices, \(cases) cases, \(bytes / 1024) KiB of releases; suppressed: \(summary))")
    try benchYearAfterQuarters(offices: offices, samples: samples)
}

/// The secondary-suppression step (`DisclosureControl.protect`) on its own: on the largest
/// table of the default policy (by cells), on the whole merged release of 50 offices, and on a
/// Verband of 40 small offices (10 to 80 cases a year, as most ADA offices have), each without
/// and with the policy's recoding, and what readers lose either way (`InformationLoss`).
func benchSuppression(offices: Int, samples: Int) throws {
    let (policy, vocabulary, year, _) = try mergeSetting()
    func merged(_ count: Int, cases: (Int) -> Int) -> [StatTable] {
        var facts: [CaseFacts] = []
        for office in 1...count {
            facts += SyntheticOffices.facts(vocabulary: vocabulary, cases: cases(office), period: year, seed: UInt64(office) &* 7919 &+ 17)
        }
        return TableCounter(vocabulary: vocabulary).count(
            policy.tables, facts: facts, plain: .init(kurzkontakte: 900, nichtKlassifiziert: 40),
            period: year)
    }
    let tables = merged(offices, cases: casesOf)
    let small = merged(40, cases: smallCasesOf)
    guard let largest = tables.max(by: { $0.cells.count < $1.cells.count }) else { throw BenchFailure("no table") }
    let rules = policy.disclosureRules
    let hierarchies = policy.codeHierarchies
    let table = Table(
        [
            "DisclosureControl.protect, \(samples) runs", "counts", "recoding", "p50 ms", "p95 ms", "p99 ms", "prim./sec.",
            "counts hidden", "cases hidden",
        ], widths: [44, 6, 9, 7, 7, 7, 10, 13, 12])
    let inputs = [
        ("largest table, \(largest.name)", [largest]), ("merged release, \(offices) offices, \(tables.count) tables", tables),
        ("merged release, 40 small offices", small),
    ]
    for (name, input) in inputs {
        for recoding in [RecodingRules.none, policy.recoding] {
            var result: ProtectedRelease?
            let times = try syncSamples(samples) {
                let protected = try DisclosureControl.protect(input, rules: rules, hierarchies: hierarchies, recoding: recoding)
                guard protected.verdict.isSafe else { throw BenchFailure("protect did not reach a safe release") }
                result = protected
            }
            let counts = input.reduce(0) { $0 + $1.cells.count + $1.margins.count }
            let summary = result.map { "\($0.summary.primary) / \($0.summary.secondary)" } ?? ""
            let loss = result?.loss ?? InformationLoss()
            let rare = !RecodingMap.choose(for: input, rules: recoding, hierarchies: hierarchies).isEmpty
            let used =
                !recoding.isEnabled
                ? "off" : !rare ? "none rare" : result?.recoding.isEmpty == false ? "\(loss.mergedCodes) merged" : "not kept"
            table.row(
                [name, "\(counts)", used] + Bench.percentiles(times)
                    + [summary, percent(loss.countShare), percent(loss.caseShare)])
        }
    }
    let smallCases = (1...40).reduce(0) { $0 + smallCasesOf($1) }
    print(
        "(\(offices) synthetic offices, \((1...offices).reduce(0) { $0 + casesOf($1) }) cases; 40 small offices, \(smallCases) cases; "
            + "recoding kept only where it hides fewer cases, see docs/disclosure-control.md)")
}

private func percent(_ share: Double) -> String { String(format: "%.1f %%", share * 100) }

/// Small offices of 10 to 80 cases a year, in a fixed spread.
func smallCasesOf(_ office: Int) -> Int { 10 + (office * 37) % 71 }

/// Offices of 40 to 440 cases a year, in a fixed spread.
func casesOf(_ office: Int) -> Int { 40 + (office * 137) % 401 }

func mergeSetting() throws -> (StatisticsPolicy, StatVocabulary, StatPeriod, Day) {
    let workflow = try WorkflowPolicy.load(from: Bench.root.appendingPathComponent("Policies/workflow.yaml"))
    let vocabulary = StatVocabulary(taxonomy: try Bench.taxonomy(), workflow: workflow)
    let policy = try StatisticsPolicy.load(from: Bench.root.appendingPathComponent("Policies/statistics.yaml"), vocabulary: vocabulary)
    guard let today = Day(iso: "2027-01-15"), let year = StatPeriod("2026") else { throw BenchFailure("no day") }
    return (policy, vocabulary, year, today)
}

/// `Bench.samples` for synchronous work: five warm-up runs, then `count` timed ones in ms.
func syncSamples(_ count: Int, _ body: () throws -> Void) throws -> [Double] {
    for _ in 0..<5 { try body() }
    return try (0..<count).map { _ in try Bench.timeSync { try body() }.1 * 1000 }
}
