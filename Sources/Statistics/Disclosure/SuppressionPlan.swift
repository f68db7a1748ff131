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

    init(release: LinkedRelease, truth: [Int?], rules: DisclosureRules) {
        self.release = release
        self.truth = truth
        self.rules = rules
        status = Array(repeating: .published, count: release.count)
    }

    /// Unknown to a reader: suppressed, or a total no table prints.
    func isHidden(_ quantity: Int) -> Bool { !release.isPrinted(quantity) || status[quantity] != .published }

    /// Suppresses a printed quantity; `primary` also upgrades an earlier secondary suppression.
    mutating func suppress(_ quantity: Int, primary: Bool) {
        guard release.isPrinted(quantity) else { return }
        let wasPublished = status[quantity] == .published
        if primary { status[quantity] = .primary } else if wasPublished { status[quantity] = .secondary }
        if wasPublished { pending.append(quantity) }
    }

    /// What suppressing a quantity costs the readers: nothing if already hidden, otherwise its
    /// count plus one (so zeros are cheap but not free), four times that for a sub-total and
    /// sixteen times for a grand total, which publications need most.
    func cost(_ quantity: Int) -> Int {
        guard !isHidden(quantity) else { return 0 }
        let weight = release.quantities[quantity].key.isEmpty ? 16 : release.isMarginSomewhere(quantity) ? 4 : 1
        return weight * (1 + (truth[quantity] ?? 0))
    }

    /// The published values as a reader sees them.
    var known: [Int?] { (0..<release.count).map { isHidden($0) ? nil : truth[$0] } }

    /// The tables as they would be published now.
    func tables() -> [StatTable] {
        var output = release.tables
        for quantity in 0..<release.count {
            let hidden = isHidden(quantity)
            for place in release.places[quantity] {
                let cell = StatCell(key: release.cell(at: place).key, count: hidden ? nil : truth[quantity],
                                    suppressed: hidden, primary: status[quantity] == .primary)
                if place.isMargin { output[place.table].margins[place.position] = cell } else { output[place.table].cells[place.position] = cell }
            }
        }
        return output
    }

    func summary(auditRounds: Int, fallback: DisclosureFallback) -> DisclosureSummary {
        let printed = (0..<release.count).filter(release.isPrinted)
        return DisclosureSummary(primary: printed.filter { status[$0] == .primary }.count,
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
