/// Acting on what the exact audit found. For a count whose interval is too narrow, or a cell
/// proven to hold its whole group, try a few cheap candidate suppressions (the new corners of
/// cycles through the counts concerned, and single counts sharing an identity with them),
/// measure each with the exact checker, and take the cheapest that fixes the problem, else the
/// one that helps most.
extension SuppressionPlan {
    static let candidatesPerKind = 6

    /// What a widening step has to reach, measured exactly on a trial pattern.
    private enum Goal {
        /// The quantity's feasible interval at least `protectionWidth` wide.
        case width(of: Int)
        /// Some consistent table gives the group a member outside the cell (group − cell ≥ 1).
        case outsideGroup(group: Int, cell: Int)
    }

    /// Returns false when it found nothing more to suppress.
    mutating func widen(_ findings: [AuditFinding]) -> Bool {
        let before = status
        for finding in findings {
            guard let quantity = release.quantity(of: finding.quantity) else { continue }
            switch finding.kind {
            case .tooSmall:
                suppress(quantity, primary: true)
            case .readableElsewhere:
                suppress(quantity, primary: false)
            case .narrow, .undecided:
                improve(.width(of: quantity), around: [quantity])
            case .wholeGroup(let groupKey):
                guard let group = release.quantity(of: groupKey) else { continue }
                if isHidden(quantity) {
                    improve(.outsideGroup(group: group, cell: quantity), around: [quantity, group])
                } else {
                    suppress(quantity, primary: true)
                }
            }
        }
        return status != before
    }

    /// Applies the cheapest candidate that meets `goal`, else the one that comes closest
    /// (nothing when the goal is already met). Candidates are measured cheapest first, so the
    /// search usually stops after one or two exact checks.
    private mutating func improve(_ goal: Goal, around quantities: [Int]) {
        let target = required(goal)
        guard measure(goal, hiding: []) < target else { return }
        let ranked = candidates(around: quantities)
            .map { (hidden: $0, cost: $0.reduce(0) { $0 + cost($1) }) }
            .sorted { $0.cost < $1.cost }
        var best: (hidden: [Int], score: CycleScore)?
        for candidate in ranked {
            let score = CycleScore(cost: candidate.cost, width: measure(goal, hiding: candidate.hidden), required: target)
            if best.map({ score < $0.score }) ?? true { best = (candidate.hidden, score) }
            if score.isWideEnough { break }
        }
        for member in best?.hidden ?? [] { suppress(member, primary: false) }
    }

    private func required(_ goal: Goal) -> Int {
        switch goal {
        case .width: rules.protectionWidth
        case .outsideGroup: 1
        }
    }

    /// The goal's measure with `hidden` suppressed as well: the interval's width, or the largest
    /// feasible group − cell; `Int.max` when unbounded, 0 when the checker cannot tell.
    private func measure(_ goal: Goal, hiding hidden: [Int]) -> Int {
        var trial = known
        for member in hidden { trial[member] = nil }
        var system = ReleaseSystem(release: release, known: trial)
        switch goal {
        case .width(let quantity):
            guard let interval = try? system.interval(of: quantity, requiredWidth: rules.protectionWidth) else { return 0 }
            return interval.width ?? .max
        case .outsideGroup(let group, let cell):
            do {
                return try system.maximum(of: [(group, 1), (cell, -1)], target: 1) ?? .max
            } catch {
                return 0
            }
        }
    }

    /// Printed counts to hide together: the new corners of cycles through the quantities, and
    /// single counts in an identity with them, cheapest first.
    private func candidates(around quantities: [Int]) -> [[Int]] {
        var cycles: [(hidden: [Int], score: CycleScore)] = []
        var neighbours = Set<Int>()
        for quantity in quantities {
            for (table, position) in release.gridPlaces[quantity] {
                for cycle in release.grids[table].cycles(through: position) {
                    let hidden = cycle.corners.filter { !isHidden($0) }
                    guard !hidden.isEmpty, !hidden.contains(where: { locked[$0] }) else { continue }
                    cycles.append(
                        (
                            hidden,
                            CycleScore(
                                cost: hidden.reduce(0) { $0 + cost($1) }, width: cycle.width(values: truth),
                                required: rules.protectionWidth)
                        ))
                }
            }
            for relation in release.relations where relation.total == quantity || relation.parts.contains(quantity) {
                neighbours.formUnion(([relation.total] + relation.parts).filter { !isHidden($0) && !locked[$0] })
            }
        }
        let single = neighbours.sorted { (cost($0), $0) < (cost($1), $1) }.prefix(Self.candidatesPerKind).map { [$0] }
        let structural = cycles.sorted { $0.score < $1.score }.prefix(Self.candidatesPerKind).map(\.hidden)
        var seen = Set<[Int]>()
        return (structural + single).filter { seen.insert($0.sorted()).inserted }
    }
}
