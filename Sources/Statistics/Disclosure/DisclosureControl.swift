/// Disclosure control for the Verband's published statistics (DESIGN.md, "Classification and
/// statistics"): primary suppression of small counts and whole-group cells, secondary
/// suppression so none of them can be worked out from the rest of the release, all tables of
/// the release treated as one linked system. See docs/disclosure-control.md.
public enum DisclosureControl {
    /// Audit-driven widening rounds before falling back to suppressing all non-zero counts.
    public static let wideningRounds = 12

    /// Protects the exact tables of one release. Suppressed counts come out as
    /// `count: nil, suppressed: true` (`primary: true` for primary ones). The result has passed
    /// `DisclosureAudit` on exactly these tables: heuristics choose what to suppress, the exact
    /// check decides when to stop, and when widening does not converge it fails closed
    /// (every non-zero count, then every count suppressed).
    /// `hierarchies` (the vocabulary's `codeHierarchies`) add what a reader knows of top-level
    /// and detailed codes. Throws when the tables are malformed or their counts do not add up.
    ///
    /// `published` are the tables already published for the same year (the year, its quarters,
    /// earlier publications of the same period), exactly as published: they are public for good,
    /// so the new tables are protected together with them as one system (a year's flow is the
    /// sum of its quarters; a count of the same unit, period and key is one number). Their
    /// printed counts must agree with the new tables and cannot be withdrawn, their suppressed
    /// ones stay suppressed; the verdict covers all of them. Only the new tables are returned.
    ///
    /// `recoding` lets it merge rare codes first (`RecodingMap.choose`): then it protects the
    /// tables without recoding, with it, and (when earlier publications of the year exist) with
    /// it only along dimensions those do not publish, and keeps the one that hides least
    /// (`InformationLoss.isLower`), so recoding never costs readers more than suppression alone. Merged tables carry
    /// `recoded`, and the audit reads the merged members as the hidden counts they are.
    public static func protect(
        _ tables: [StatTable], rules: DisclosureRules = DisclosureRules(),
        hierarchies: [CodeHierarchy] = [], published: [StatTable] = [],
        recoding: RecodingRules = .none
    ) throws(DisclosureInputError) -> ProtectedRelease {
        var plain = try protect(tables, rules: rules, hierarchies: hierarchies, published: published, map: RecodingMap())
        plain.loss = InformationLoss.measure(exact: tables, published: plain.tables)
        let full = RecodingMap.choose(for: tables, rules: recoding, hierarchies: hierarchies)
        // After a year's quarters, merging a dimension they publish differently from how they
        // merged it can cost more than it saves; so the year is also tried with those dimensions as they are.
        let earlier = Set(published.flatMap(\.dimensions))
        let unpublished = RecodingMap(groups: full.groups.filter { !earlier.contains($0.key) })
        let candidates = unpublished == full ? [full] : [full, unpublished]
        var best = plain
        var tried: [InformationLoss] = []
        for map in candidates where !map.isEmpty {
            // Recoding that cannot be protected leaves the other results.
            guard var merged = try? protect(tables, rules: rules, hierarchies: hierarchies, published: published, map: map),
                merged.verdict.isSafe
            else { continue }
            merged.loss = InformationLoss.measure(exact: tables, published: merged.tables)
            merged.recoding = map
            tried.append(merged.loss)
            if merged.loss.isLower(than: best.loss) || !best.verdict.isSafe { best = merged }
        }
        guard !tried.isEmpty else { return plain }
        // Report the best alternative that was not kept: suppression alone, or the best recoding.
        best.comparedLoss = best.recoding.isEmpty ? tried.min { $0.isLower(than: $1) } : plain.loss
        return best
    }

    /// One protection run on `tables` recoded by `map` (nothing merged when it is empty),
    /// kept or not: what `protect(…recoding:)` compares, and what tests check independently.
    public static func protect(
        _ tables: [StatTable], rules: DisclosureRules, hierarchies: [CodeHierarchy], published: [StatTable],
        map: RecodingMap
    ) throws(DisclosureInputError) -> ProtectedRelease {
        let fixed = Set(tables.count..<(tables.count + published.count))
        let release = try LinkedRelease(tables.map(map.apply) + published, hierarchies: hierarchies)
        let truth = try release.exactCounts(
            fixed: fixed, unmerged: map.isEmpty ? [:] : LinkedRelease.counts(of: tables, hierarchies: hierarchies))
        var plan = SuppressionPlan(release: release, truth: truth, rules: rules, fixedTables: fixed)
        if !published.isEmpty { try checkAgreement(plan) }
        plan.suppressPrimary()
        plan.cascade()
        let audit = DisclosureAudit(rules: rules, hierarchies: hierarchies)
        let inherited = published.isEmpty ? [] : inheritedFindings(plan, audit)
        var fallback = DisclosureFallback.none
        var rounds = 0
        while true {
            let output = plan.tables()
            rounds += 1
            var verdict = DisclosureVerdict.safe
            switch audit.report(output, stopAtFirst: false) {
            case .unreadable(let reason):
                verdict = .unreadable(reason: reason)
            case .findings(let all):
                let findings = all.filter { finding in !inherited.contains { $0.isSameProblem(as: finding) } }
                if findings.isEmpty { return finish(output, tables.count, plan, rounds, fallback, .safe) }
                verdict = findings[0].verdict
                if fallback == .none, rounds <= wideningRounds, plan.widen(findings) {
                    plan.cascade()
                    continue
                }
            }
            switch fallback {
            case .none:
                fallback = .allNonZero
                plan.suppressAllNonZero()
            case .allNonZero:
                fallback = .everything
                plan.suppressEverything()
            case .everything:
                return finish(output, tables.count, plan, rounds, fallback, verdict)
            }
        }
    }

    /// What earlier publications disclose already, whatever the new tables print: the audit's
    /// findings with every count of the new tables withheld. A new publication cannot take them
    /// back, so they do not stop it, as long as it makes none of them worse (the same interval,
    /// the same whole group; `AuditFinding.isSameProblem`). Typically a quarter whose one-way
    /// tables already show that all its cases of an area were Beratungsfälle: the year's
    /// area × kind cell then holds its whole group however it is published.
    private static func inheritedFindings(_ plan: SuppressionPlan, _ audit: DisclosureAudit) -> [AuditFinding] {
        var withheld = plan
        withheld.suppressEverything()
        guard case .findings(let findings) = audit.report(withheld.tables(), stopAtFirst: false) else { return [] }
        return findings
    }

    /// The new exact counts and the earlier publications must fit one table of non-negative
    /// counts: if they do not (a year whose flow is not the sum of its published quarters,
    /// because a case was classified or changed after a quarter was released), readers can
    /// see the difference and the model cannot bound it, so protection refuses, naming the period.
    private static func checkAgreement(_ plan: SuppressionPlan) throws(DisclosureInputError) {
        let release = plan.release
        var known = [Int?](repeating: nil, count: release.count)
        for quantity in 0..<release.count where release.isPrinted(quantity) {
            if plan.isNew(quantity) || !plan.isHidden(quantity) { known[quantity] = plan.truth[quantity] }
        }
        var system = ReleaseSystem(release: release, known: known)
        guard system.isContradictory || !system.isFeasible() else { return }
        let periods = Set(release.tables.map { StatPeriod(range: $0.period)?.description ?? $0.period.from.iso }).sorted().joined(
            separator: ", ")
        throw DisclosureInputError(
            table: nil,
            reason: "the new counts do not fit what was already published for \(periods): "
                + "no table of counts agrees with both (a year's flow must be the sum of its published quarters, a republished "
                + "period must agree with its earlier publication); published counts stay public, so this cannot be published")
    }

    private static func finish(
        _ tables: [StatTable], _ count: Int, _ plan: SuppressionPlan, _ rounds: Int,
        _ fallback: DisclosureFallback, _ verdict: DisclosureVerdict
    ) -> ProtectedRelease {
        ProtectedRelease(
            tables: Array(tables.prefix(count)), summary: plan.summary(auditRounds: rounds, fallback: fallback), verdict: verdict)
    }
}
