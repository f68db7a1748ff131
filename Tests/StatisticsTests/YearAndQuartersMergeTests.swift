import Casework
import Foundation
import Sealing
import SichtbarCore
import Testing

@testable import Statistics

/// The Verband publishes 2026's four quarters and then the year, under the repository's policy
/// (its two-dimensional annual tables included),
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

    init() throws {
        year = try #require(StatPeriod(year: 2026))
        vocabulary = try StatisticsFixtures.vocabulary()
        policy = try StatisticsFixtures.policy()
    }

    var merge: VerbandMerge { VerbandMerge(policy: policy, taxonomyVersion: vocabulary.taxonomy.version, trustedKeys: [office.publicKey]) }

    /// The same policy with recoding switched off: what suppression alone does.
    var mergeWithoutRecoding: VerbandMerge {
        var plain = policy
        plain.recoding = .none
        return VerbandMerge(policy: plain, taxonomyVersion: vocabulary.taxonomy.version, trustedKeys: [office.publicKey])
    }

    /// The releases of `offices` for `period`, counted from the same classifications of the
    /// year, so a year's flows are exactly the sums of its quarters' (as when every case was
    /// classified before its quarter was released).
    func releases(_ period: StatPeriod, offices: ClosedRange<Int>, cases: Int) throws -> [[UInt8]] {
        let specs = period.quarter == nil ? policy.tables : policy.tables(for: "quarterly")
        return try offices.map { number in
            let facts = SyntheticOffices.facts(vocabulary: vocabulary, cases: cases, period: year, seed: UInt64(number) &* 31 &+ 5)
            let plain = TableCounter.PlainCounts(
                kurzkontakte: (period.quarter == nil ? 4 : 1) * (number + 2), nichtKlassifiziert: number % 3)
            let tables = TableCounter(vocabulary: vocabulary).count(specs, facts: facts, plain: plain, period: period)
            return try StatFile(
                scope: .office, office: "office-\(number)", period: period, policy: policy.digest,
                taxonomy: vocabulary.taxonomy.version, generatedOn: day, tables: tables
            ).signed(with: office).serialised()
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
        // The policy recodes: some publication merged rare codes, and its members are audited below.
        #expect(published.contains { $0.tables.contains { !$0.recoded.isEmpty } })
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

        // The same releases, each period protected alone (by suppression alone, which recoding
        // would otherwise spare here), are not safe together: the quarters open what the year hides.
        var alone: [StatTable] = []
        for period in quarters + [year] {
            guard case .merged(let merged) = mergeWithoutRecoding.merge(try releases(period, offices: 1...3, cases: 40), on: day) else {
                continue
            }
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
