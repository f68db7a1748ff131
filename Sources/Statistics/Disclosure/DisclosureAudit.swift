/// The exact check of a release before it leaves: no printed count in 1..<minimumCount, and
/// every suppressed count's feasible interval (over non-negative integers, given every cell,
/// margin and linked table of the release) at least `protectionWidth` wide, computed with an
/// exact rational simplex. `DisclosureControl.protect` runs it on its own output and keeps
/// suppressing until it passes, so the guarantee rests on this check, not on the heuristic.
public struct DisclosureAudit: Sendable {
    /// The rules the release is checked against (the same `protect` used).
    public var rules: DisclosureRules
    /// What a reader knows of the taxonomy: how top-level codes cover detailed ones.
    public var hierarchies: [CodeHierarchy]

    /// An audit under `rules` (the defaults of `Policies/statistics.yaml` if omitted); pass the
    /// vocabulary's `codeHierarchies` whenever a release may hold `ground` and `ground_top`.
    public init(rules: DisclosureRules = DisclosureRules(), hierarchies: [CodeHierarchy] = []) {
        self.rules = rules
        self.hierarchies = hierarchies
    }

    /// `.safe`, or the first problem with its reason.
    public func check(_ tables: [StatTable]) -> DisclosureVerdict {
        report(tables, stopAtFirst: true).verdict
    }

    /// Every problem, not only the first (a preview can list them all).
    public func problems(_ tables: [StatTable]) -> [DisclosureVerdict] {
        switch report(tables, stopAtFirst: false) {
        case .unreadable(let reason): [.unreadable(reason: reason)]
        case .findings(let findings): findings.map(\.verdict)
        }
    }

    /// The exact feasible interval of every suppressed count (one entry per place it is
    /// printed), for previews and the method note; nil when the tables cannot be audited.
    /// A count the checker could not decide is left out.
    public func feasibleIntervals(_ tables: [StatTable]) -> [CountReference: FeasibleInterval]? {
        guard let release = try? LinkedRelease(tables, hierarchies: hierarchies), case .success(let published) = read(release) else {
            return nil
        }
        var system = ReleaseSystem(release: release, known: published.known)
        guard !system.isContradictory else { return nil }
        var intervals: [CountReference: FeasibleInterval] = [:]
        for quantity in 0..<release.count where published.hiddenAt[quantity] != nil {
            guard let interval = try? system.interval(of: quantity, requiredWidth: nil) else { continue }
            for place in release.places[quantity] where release.cell(at: place).count == nil {
                intervals[reference(place, in: release)] = interval
            }
        }
        return intervals
    }

    func reference(_ place: CountPlace, in release: LinkedRelease) -> CountReference {
        let table = release.tables[place.table]
        let periods = release.tables.contains { $0.period != table.period }
        return CountReference(
            table: table.name, key: release.cell(at: place).key, isMargin: place.isMargin,
            period: periods ? StatPeriod(range: table.period)?.description ?? table.period.from.iso : nil)
    }
}
