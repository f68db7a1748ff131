import Casework
import Foundation
import Sealing
import Statistics
import Testing

/// The Verband publishes 2026's four quarters and then the year, under the repository's policy,
/// each merge protected together with what was already published for 2026. Read together with
/// the year = sum of quarters identities, no suppressed count of the five publications can be
/// narrowed below the protection width, by the module's exact audit over all of them (the tests'
/// own oracle checks the same on smaller releases, `DisclosurePeriodTests`).
@Suite("VerbandMerge: a year and its four quarters published as one system")
struct YearAndQuartersMergeTests {
    let vocabulary: StatVocabulary
    let policy: StatisticsPolicy
    let office = SigningKeyPair()
    let day = Day(year: 2027, month: 1, day: 15) ?? Day(Date())
    let year: StatPeriod

    /// The repository's policy without its three two-dimensional annual tables: with them, each
    /// quarter carries their whole grids as unknowns and one protection takes minutes in a debug
    /// build (see docs/disclosure-control.md, "Cost"); the identities tested are the same.
    static let largeTables = ["faelle_nach_merkmal_und_lebensbereich", "faelle_nach_lebensbereich_und_bezirk", "interventionen_und_ergebnis"]

    init() throws {
        year = try #require(StatPeriod(year: 2026))
        vocabulary = try StatisticsFixtures.vocabulary()
        let text = try String(contentsOf: StatisticsFixtures.policies.appendingPathComponent("statistics.yaml"), encoding: .utf8)
        let blocks = text.components(separatedBy: "\n  - name: ")
        let kept = [blocks[0]] + blocks.dropFirst().filter { block in !Self.largeTables.contains { block.hasPrefix($0 + "\n") } }
        #expect(kept.count == blocks.count - Self.largeTables.count)
        policy = try StatisticsPolicy.parse(kept.joined(separator: "\n  - name: "), file: "statistics.yaml", vocabulary: vocabulary)
    }

    /// The full policy, two-dimensional annual tables included: slow (docs/disclosure-control.md,
    /// "A year after its quarters"), so only when `STATS_FULL_YEAR` is set; prints its timing.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["STATS_FULL_YEAR"] != nil))
    func theFullPolicysYearAfterItsQuarters() throws {
        let full = try StatisticsFixtures.policy()
        let merge = VerbandMerge(policy: full, taxonomyVersion: vocabulary.taxonomy.version, trustedKeys: [office.publicKey])
        var published: [StatFile] = []
        let periods: [StatPeriod] = (1...4).compactMap { StatPeriod(year: 2026, quarter: $0) } + [year]
        for period in periods {
            let specs = period.quarter == nil ? full.tables : full.tables(for: "quarterly")
            let files = try (1...3).map { number in
                let facts = SyntheticOffices.facts(vocabulary: vocabulary, cases: 40, period: year, seed: UInt64(number) &* 31 &+ 5)
                let plain = TableCounter.PlainCounts(kurzkontakte: (period.quarter == nil ? 4 : 1) * (number + 2), nichtKlassifiziert: number % 3)
                return try StatFile(scope: .office, office: "office-\(number)", period: period, policy: full.digest, taxonomy: vocabulary.taxonomy.version,
                                    generatedOn: day, tables: TableCounter(vocabulary: vocabulary).count(specs, facts: facts, plain: plain, period: period))
                    .signed(with: office).serialised()
            }
            let start = ContinuousClock.now
            let result = merge.merge(files, on: day, published: published)
            print("full policy \(period): \(ContinuousClock.now - start)")
            guard case .merged(let merged) = result else { Issue.record("\(period): \(result)"); return }
            published.append(merged.file)
        }
    }

    var merge: VerbandMerge { VerbandMerge(policy: policy, taxonomyVersion: vocabulary.taxonomy.version, trustedKeys: [office.publicKey]) }

    /// The releases of `offices` for `period`, counted from the same classifications of the
    /// year, so a year's flows are exactly the sums of its quarters' (as when every case was
    /// classified before its quarter was released).
    func releases(_ period: StatPeriod, offices: ClosedRange<Int>, cases: Int) throws -> [[UInt8]] {
        let specs = period.quarter == nil ? policy.tables : policy.tables(for: "quarterly")
        return try offices.map { number in
            let facts = SyntheticOffices.facts(vocabulary: vocabulary, cases: cases, period: year, seed: UInt64(number) &* 31 &+ 5)
            let plain = TableCounter.PlainCounts(kurzkontakte: (period.quarter == nil ? 4 : 1) * (number + 2), nichtKlassifiziert: number % 3)
            let tables = TableCounter(vocabulary: vocabulary).count(specs, facts: facts, plain: plain, period: period)
            return try StatFile(scope: .office, office: "office-\(number)", period: period, policy: policy.digest,
                                taxonomy: vocabulary.taxonomy.version, generatedOn: day, tables: tables).signed(with: office).serialised()
        }
    }

    /// Merges and "publishes" `order` one period after the other, each against all before it.
    func publish(_ order: [StatPeriod], offices: ClosedRange<Int>, cases: Int) throws -> [StatFile] {
        var published: [StatFile] = []
        for period in order {
            let result = merge.merge(try releases(period, offices: offices, cases: cases), on: day, published: published)
            guard case .merged(let merged) = result else {
                Issue.record("\(period): \(result)")
                return published
            }
            published.append(merged.file)
        }
        return published
    }

    @Test func quartersThenTheYearLeaveNoSuppressedCountNarrowerThanTheWidth() throws {
        let quarters = try (1...4).map { try #require(StatPeriod(year: 2026, quarter: $0)) }
        let published = try publish(quarters + [year], offices: 1...3, cases: 40)
        try #require(published.count == 5)
        let tables = published.flatMap { file in
            file.tables.map { table in
                var named = table
                named.name += " \(file.period)"
                return named
            }
        }
        let audit = DisclosureAudit(rules: policy.disclosureRules, hierarchies: policy.codeHierarchies)
        #expect(audit.check(tables) == .safe)
        let intervals = try #require(audit.feasibleIntervals(tables))
        let suppressed = tables.flatMap { $0.cells + $0.margins }.filter(\.suppressed).count
        #expect(suppressed > 0 && intervals.count == suppressed)
        for (reference, interval) in intervals { #expect(interval.isAtLeast(policy.protectionWidth), "\(reference) lies in \(interval)") }

        // The same releases, each period protected alone, are not safe together: the quarters
        // open what the year hides.
        var alone: [StatTable] = []
        for period in quarters + [year] {
            guard case .merged(let merged) = merge.merge(try releases(period, offices: 1...3, cases: 40), on: day) else { continue }
            alone += merged.file.tables.map { table in
                var named = table
                named.name += " \(period)"
                return named
            }
        }
        guard case .unsafe(let cell, let interval, _) = audit.check(alone) else {
            Issue.record("the periods protected alone are safe together, or unreadable: \(audit.check(alone))")
            return
        }
        #expect(interval.map { !$0.isAtLeast(policy.protectionWidth) } ?? true, "\(cell)")
    }
}
