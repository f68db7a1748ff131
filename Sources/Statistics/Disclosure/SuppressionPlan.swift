/// The working state of `DisclosureControl.protect`: the release, its exact counts and each
/// quantity's status. A status belongs to the quantity, not to a table, so a count shared by
/// linked tables is suppressed in all of them or in none.
struct SuppressionPlan: Sendable {
    enum Status: Sendable, Equatable { case published, primary, secondary }

    let release: LinkedRelease
    let truth: [Int?]
    let rules: DisclosureRules
    private(set) var status: [Status]
    /// Newly suppressed quantities the cascade has not yet given a cycle in each of their tables.
    var pending: [Int] = []
    /// Tables published earlier (`DisclosureControl.protect`'s `published`): what they print or
    /// withhold is public for good, so their counts' status cannot change.
    let fixedTables: Set<Int>
    /// Per quantity: printed or withheld by an earlier publication, so its status is settled.
    let locked: [Bool]

    init(release: LinkedRelease, truth: [Int?], rules: DisclosureRules, fixedTables: Set<Int> = []) {
        self.release = release
        self.truth = truth
        self.rules = rules
        self.fixedTables = fixedTables
        var status = [Status](repeating: .published, count: release.count)
        var locked = [Bool](repeating: false, count: release.count)
        for quantity in 0..<release.count {
            for place in release.places[quantity] where fixedTables.contains(place.table) {
                locked[quantity] = true
                let cell = release.cell(at: place)
                if cell.suppressed || cell.count == nil { status[quantity] = cell.primary ? .primary : .secondary }
            }
        }
        for quantity in Self.determinedByEarlier(release, truth: truth, locked: locked, status: status) {
            locked[quantity] = true
        }
        self.status = status
        self.locked = locked
    }

    /// Counts of the new tables that earlier publications already fix by plain sums (a year's
    /// count whose four quarters were all printed; a part whose total and other parts were; every
    /// part of a total of 0):
    /// everyone can work them out, so they are printed and never chosen to protect others
    /// (withholding them would fail the width rule for no gain). Repeats until nothing changes;
    /// what only more involved reasoning pins is left to the audit, which then refuses.
    private static func determinedByEarlier(_ release: LinkedRelease, truth: [Int?], locked: [Bool], status: [Status]) -> [Int] {
        var known = (0..<release.count).map { locked[$0] && status[$0] == .published }
        var values = (0..<release.count).map { known[$0] ? truth[$0] : nil }
        guard known.contains(true) else { return [] }
        var found: [Int] = []
        var changed = true
        while changed {
            changed = false
            for relation in release.relations {
                let unknown = ([relation.total] + relation.parts).filter { !known[$0] }
                // A sum with one unknown gives it; a total of 0 gives all its parts (no count is
                // negative, and along a multi-valued dimension each part is at most the total).
                let zeroTotal = known[relation.total] && values[relation.total] == 0
                guard zeroTotal || (relation.isSum && unknown.count == 1) else { continue }
                for quantity in unknown {
                    known[quantity] = true
                    if !zeroTotal {
                        let others = relation.parts.filter { $0 != quantity }.reduce(0) { $0 + (values[$1] ?? 0) }
                        values[quantity] = quantity == relation.total ? others : (values[relation.total] ?? 0) - others
                    } else {
                        values[quantity] = 0
                    }
                    changed = true
                    if !locked[quantity], release.isPrinted(quantity) { found.append(quantity) }
                }
            }
        }
        return found
    }

    /// Whether a quantity is printed in one of the new tables (what the summary counts).
    func isNew(_ quantity: Int) -> Bool { release.places[quantity].contains { !fixedTables.contains($0.table) } }

    /// Unknown to a reader: suppressed, or a total no table prints.
    func isHidden(_ quantity: Int) -> Bool { !release.isPrinted(quantity) || status[quantity] != .published }

    /// Suppresses a printed quantity; `primary` also upgrades an earlier secondary suppression.
    mutating func suppress(_ quantity: Int, primary: Bool) {
        guard release.isPrinted(quantity), !locked[quantity] else { return }
        let wasPublished = status[quantity] == .published
        if primary { status[quantity] = .primary } else if wasPublished { status[quantity] = .secondary }
        if wasPublished { pending.append(quantity) }
    }

    /// What suppressing a quantity costs the readers: nothing if already hidden, otherwise its
    /// count plus one (so zeros are cheap but not free), four times that for a sub-total and
    /// sixteen times for a grand total, which publications need most.
    func cost(_ quantity: Int) -> Int {
        guard !isHidden(quantity) else { return 0 }
        if locked[quantity] { return Self.lockedCost }
        let weight = release.quantities[quantity].key.isEmpty ? 16 : release.isMarginSomewhere(quantity) ? 4 : 1
        return weight * (1 + (truth[quantity] ?? 0))
    }

    /// Far above any real cost, so a cycle through a count an earlier publication prints is
    /// never preferred (it cannot open), yet small enough to add up without overflow.
    static let lockedCost = 1 << 40

    /// The published values as a reader sees them.
    var known: [Int?] { (0..<release.count).map { isHidden($0) ? nil : truth[$0] } }

    /// The tables as they would be published now.
    func tables() -> [StatTable] {
        var output = release.tables
        for quantity in 0..<release.count {
            let hidden = isHidden(quantity)
            for place in release.places[quantity] {
                let cell = StatCell(
                    key: release.cell(at: place).key, count: hidden ? nil : truth[quantity],
                    suppressed: hidden, primary: status[quantity] == .primary)
                if place.isMargin {
                    output[place.table].margins[place.position] = cell
                } else {
                    output[place.table].cells[place.position] = cell
                }
            }
        }
        return output
    }

    func summary(auditRounds: Int, fallback: DisclosureFallback) -> DisclosureSummary {
        let printed = (0..<release.count).filter(isNew)
        return DisclosureSummary(
            primary: printed.filter { status[$0] == .primary }.count,
            secondary: printed.filter { status[$0] == .secondary }.count,
            auditRounds: auditRounds, fallback: fallback)
    }

    /// Fail-closed steps when widening does not converge.
    mutating func suppressAllNonZero() {
        for quantity in 0..<release.count where (truth[quantity] ?? 0) > 0 { suppress(quantity, primary: false) }
        pending.removeAll()
    }

    mutating func suppressEverything() {
        for quantity in 0..<release.count { suppress(quantity, primary: false) }
        pending.removeAll()
    }
}
