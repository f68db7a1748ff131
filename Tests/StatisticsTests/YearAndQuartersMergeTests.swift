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
    let setting: MergeSetting

    init() throws {
        setting = try MergeSetting()
    }

    /// The same policy with recoding switched off: what suppression alone does.
    var mergeWithoutRecoding: VerbandMerge {
        var plain = setting.policy
        plain.recoding = .none
        return VerbandMerge(policy: plain, taxonomyVersion: setting.vocabulary.taxonomy.version, trustedKeys: [setting.office.publicKey])
    }

    /// The releases of `offices` for `period`, counted from the same classifications of the
    /// year, so a year's flows are exactly the sums of its quarters' (as when every case was
    /// classified before its quarter was released).
    func releases(_ period: StatPeriod, offices: ClosedRange<Int>, cases: Int) throws -> [[UInt8]] {
        let specs = period.quarter == nil ? setting.policy.tables : setting.policy.tables(for: "quarterly")
        return try offices.map { number in
            let facts = SyntheticOffices.facts(
                vocabulary: setting.vocabulary, cases: cases, period: setting.year, seed: UInt64(number) &* 31 &+ 5)
            let plain = TableCounter.PlainCounts(
                kurzkontakte: (period.quarter == nil ? 4 : 1) * (number + 2), nichtKlassifiziert: number % 3)
            let tables = TableCounter(vocabulary: setting.vocabulary).count(specs, facts: facts, plain: plain, period: period)
            return try StatFile(
                scope: .office, office: "office-\(number)", period: period, policy: setting.policy.digest,
                taxonomy: setting.vocabulary.taxonomy.version, generatedOn: setting.day, tables: tables
            ).signed(with: setting.office).serialised()
        }
    }

    /// Merges and "publishes" `order` one period after the other, each against all before it.
    func publish(_ order: [StatPeriod], offices: ClosedRange<Int>, cases: Int) throws -> [StatFile] {
        var published: [StatFile] = []
        for period in order {
            let result = setting.merge.merge(try releases(period, offices: offices, cases: cases), on: setting.day, published: published)
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
        let published = try publish(quarters + [setting.year], offices: 1...3, cases: 40)
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
        let audit = DisclosureAudit(rules: setting.policy.disclosureRules, hierarchies: setting.policy.codeHierarchies)
        #expect(audit.check(tables) == .safe)
        let intervals = try #require(audit.feasibleIntervals(tables))
        let suppressed = tables.flatMap { $0.cells + $0.margins }.filter(\.suppressed).count
        #expect(suppressed > 0 && intervals.count == suppressed)
        for (reference, interval) in intervals {
            #expect(interval.isAtLeast(setting.policy.protectionWidth), "\(reference) lies in \(interval)")
        }

        // The same releases, each period protected alone (by suppression alone, which recoding
        // would otherwise spare here), are not safe together: the quarters open what the year hides.
        var alone: [StatTable] = []
        for period in quarters + [setting.year] {
            guard case .merged(let merged) = mergeWithoutRecoding.merge(try releases(period, offices: 1...3, cases: 40), on: setting.day)
            else {
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
        #expect(interval.map { !$0.isAtLeast(setting.policy.protectionWidth) } ?? true, "\(cell)")
    }
}
