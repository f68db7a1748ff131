import Foundation
import Statistics
import Testing

/// Recoding before suppression, checked independently: random releases are merged
/// (`RecodingMap.choose`), protected, and read by the tests' own oracle, which knows nothing of
/// the module but that a merged count is the sum of its members.
@Suite("Disclosure control: recoding over random releases")
struct RecodingPropertyTests {
    static let chunks = 4
    static let releasesPerChunk = ProcessInfo.processInfo.environment["DISCLOSURE_RELEASES"].flatMap { Int($0) } ?? 100
    static let rules = RecodingRules(dimensions: ["a", "b", "g"], below: 5)

    @Test(arguments: 0..<chunks)
    func recodedReleasesPassTheIndependentOracle(chunk: Int) throws {
        let period = try DisclosureFixtures.period
        var recoded = 0
        for index in 0..<Self.releasesPerChunk {
            let seed = UInt64(900_000 + chunk * Self.releasesPerChunk + index)
            var generator = RandomReleases(seed: seed, period: period)
            let (shape, tables) = generator.release()
            let map = RecodingMap.choose(for: tables, rules: Self.rules, hierarchies: [])
            guard !map.isEmpty else { continue }
            recoded += 1
            let protected = try DisclosureControl.protect(tables, rules: DisclosureRules(), hierarchies: [], published: [], map: map)
            #expect(protected.verdict == .safe, "seed \(seed) \(shape): \(protected.verdict)")
            #expect(Self.sumsAreRight(protected.tables, tables, map), "seed \(seed): a merged count is not the sum of its members")
            let oracle = OracleCheck.check(protected.tables, truth: tables + tables.map(map.apply))
            #expect(oracle.problems.isEmpty, "seed \(seed) \(shape) \(map.groups): \(oracle.problems)")
        }
        #expect(recoded * 3 >= Self.releasesPerChunk, "most small random releases have rare codes to merge (\(recoded))")
    }

    /// Sound and exact on merged tables before secondary suppression: the audit rejects what
    /// the oracle proves leaking (a merged member pinned to a small range included), and only that.
    @Test(arguments: 0..<chunks)
    func theAuditAgreesWithTheOracleOnNaiveRecodedOutput(chunk: Int) throws {
        let period = try DisclosureFixtures.period
        var leaking = 0
        var compared = 0
        for index in 0..<Self.releasesPerChunk {
            let seed = UInt64(950_000 + chunk * Self.releasesPerChunk + index)
            var generator = RandomReleases(seed: seed, period: period)
            let (shape, tables) = generator.release()
            let map = RecodingMap.choose(for: tables, rules: Self.rules, hierarchies: [])
            guard !map.isEmpty else { continue }
            let naive = DisclosureFixtures.naive(tables.map(map.apply))
            let oracle = OracleCheck.check(naive, truth: tables + tables.map(map.apply))
            guard oracle.method != .linearProgram else { continue }
            compared += 1
            let verdict = DisclosureAudit().check(naive)
            #expect(
                verdict.isSafe == oracle.problems.isEmpty,
                "seed \(seed) \(shape) \(map.groups): audit \(verdict), oracle \(oracle.problems)")
            if oracle.problems.contains(where: { $0.hasPrefix("merged") }) { leaking += 1 }
        }
        #expect(compared > 0)
        print("recoding chunk \(chunk): \(compared) compared, \(leaking) with a merged member given away")
    }

    /// Every printed merged count equals the sum of its members' exact counts.
    static func sumsAreRight(_ output: [StatTable], _ input: [StatTable], _ map: RecodingMap) -> Bool {
        zip(output, input).allSatisfy { published, exact in
            let truth = map.apply(to: exact)
            var exactCounts: [[String: String]: Int] = [:]
            for cell in truth.cells + truth.margins { exactCounts[cell.key] = cell.count }
            return (published.cells + published.margins).allSatisfy { cell in cell.count == nil || cell.count == exactCounts[cell.key] }
        }
    }
}
