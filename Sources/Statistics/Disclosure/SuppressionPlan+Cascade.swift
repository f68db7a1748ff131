/// Secondary suppression by the hypercube method: every suppressed count gets, in every table
/// that holds it, a cycle of suppressed counts (a rectangle of the extended table, or a pair
/// along a line) that lets it move by at least `protectionWidth`. New corners are queued in
/// turn, which carries the suppression from one linked table into the next.
extension SuppressionPlan {
    mutating func cascade() {
        var next = 0
        while next < pending.count {
            let quantity = pending[next]
            next += 1
            for (table, position) in release.gridPlaces[quantity] {
                cover(quantity, at: position, in: release.grids[table])
            }
        }
        pending.removeAll()
    }

    private mutating func cover(_ quantity: Int, at position: [Int], in grid: TableGrid) {
        let cycles = grid.cycles(through: position)
        let width = rules.protectionWidth
        guard !cycles.contains(where: { $0.corners.allSatisfy(isHidden) && $0.width(values: truth) >= width }),
            let best = cheapest(cycles)
        else { return }
        for corner in best.corners { suppress(corner, primary: false) }
    }

    /// Among cycles that hide something new: the cheapest one wide enough, else the widest.
    func cheapest(_ cycles: [SuppressionCycle]) -> SuppressionCycle? {
        var best: (cycle: SuppressionCycle, score: CycleScore)?
        for cycle in cycles {
            let cost = cycle.corners.reduce(0) { $0 + self.cost($1) }
            let width = cycle.width(values: truth)
            guard cost > 0, cost < Self.lockedCost, width > 0 else { continue }
            let score = CycleScore(cost: cost, width: width, required: rules.protectionWidth)
            if best.map({ score < $0.score }) ?? true { best = (cycle, score) }
        }
        return best?.cycle
    }
}
