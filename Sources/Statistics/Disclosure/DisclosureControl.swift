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
    public static func protect(_ tables: [StatTable], rules: DisclosureRules = DisclosureRules(),
                               hierarchies: [CodeHierarchy] = []) throws(DisclosureInputError) -> ProtectedRelease
    {
        let release = try LinkedRelease(tables, hierarchies: hierarchies)
        var plan = SuppressionPlan(release: release, truth: try release.exactCounts(), rules: rules)
        plan.suppressPrimary()
        plan.cascade()
        let audit = DisclosureAudit(rules: rules, hierarchies: hierarchies)
        var fallback = DisclosureFallback.none
        var rounds = 0
        while true {
            let output = plan.tables()
            rounds += 1
            let report = audit.report(output, stopAtFirst: false)
            if case .findings(let findings) = report {
                if findings.isEmpty { return finish(output, plan, rounds, fallback, .safe) }
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
                return finish(output, plan, rounds, fallback, report.verdict)
            }
        }
    }

    private static func finish(_ tables: [StatTable], _ plan: SuppressionPlan, _ rounds: Int,
                               _ fallback: DisclosureFallback, _ verdict: DisclosureVerdict) -> ProtectedRelease {
        ProtectedRelease(tables: tables, summary: plan.summary(auditRounds: rounds, fallback: fallback), verdict: verdict)
    }
}
