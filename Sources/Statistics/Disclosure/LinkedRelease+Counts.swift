/// The exact counts `DisclosureControl` protects.
extension LinkedRelease {
    /// Larger counts are refused, so that sums over a release can never overflow.
    static let largestCount = 1_000_000_000

    /// Every quantity's exact count: printed ones as given (present, not suppressed, within
    /// 0…1e9, equal wherever printed), unprinted totals derived where the identities determine
    /// them (a multi-valued total no table prints stays nil). Throws when the release does not
    /// add up, because suppression computed on contradictory numbers would protect nothing.
    /// Tables in `fixed` are earlier publications: their suppressed counts are unknown, their
    /// printed ones must agree with the new tables. `unmerged` gives the counts recoding merged
    /// (`counts(of:hierarchies:)` of the tables before recoding); they must add up too.
    func exactCounts(fixed: Set<Int> = [], unmerged: [QuantityKey: Int] = [:]) throws(DisclosureInputError) -> [Int?] {
        var values = [Int?](repeating: nil, count: count)
        for quantity in recodedHidden { values[quantity] = unmerged[quantities[quantity]] }
        for quantity in 0..<count {
            var seenAt: CountPlace?
            for place in places[quantity] {
                let cell = cell(at: place)
                let table = tables[place.table].name
                if fixed.contains(place.table), cell.count == nil || cell.suppressed { continue }
                guard let value = cell.count, !cell.suppressed else {
                    throw DisclosureInputError(
                        table: table, key: cell.key, reason: "protection needs the exact count, not a suppressed one")
                }
                guard (0...Self.largestCount).contains(value) else {
                    throw DisclosureInputError(table: table, key: cell.key, reason: "a count must lie in 0…\(Self.largestCount)")
                }
                if let earlier = values[quantity], earlier != value {
                    if let seenAt, fixed.contains(seenAt.table) || fixed.contains(place.table) {
                        let (old, new) = fixed.contains(seenAt.table) ? (seenAt, place) : (place, seenAt)
                        throw DisclosureInputError(
                            table: tables[new.table].name, key: cell.key,
                            reason: "counts \(self.cell(at: new).count ?? 0) for "
                                + "\(periodName(quantity)), but the earlier publication of \(periodName(quantity)) printed \(self.cell(at: old).count ?? 0) "
                                + "(\(tables[old.table].name)); published counts stay public, so a new publication of the period must agree with them"
                        )
                    }
                    throw DisclosureInputError(
                        table: table, key: cell.key,
                        reason: "the same count is \(earlier) in another table of the release and \(value) here")
                }
                values[quantity] = value
                seenAt = seenAt ?? place
            }
        }
        try derive(into: &values)
        try checkRelations(values)
        return values
    }

    /// Fills unprinted totals of sums from their parts (and a missing part from its total).
    private func derive(into values: inout [Int?]) throws(DisclosureInputError) {
        var changed = true
        while changed {
            changed = false
            for relation in relations where relation.isSum {
                let missing = relation.parts.filter { values[$0] == nil }
                let known = relation.parts.compactMap { values[$0] }.reduce(0, +)
                if values[relation.total] == nil, missing.isEmpty {
                    values[relation.total] = known
                    changed = true
                } else if let total = values[relation.total], missing.count == 1, let part = missing.first {
                    guard total >= known else { throw mismatch(relation.total, "is smaller than the sum of its parts") }
                    values[part] = total - known
                    changed = true
                }
            }
        }
    }

    private func checkRelations(_ values: [Int?]) throws(DisclosureInputError) {
        for relation in relations {
            guard let total = values[relation.total] else { continue }
            let parts = relation.parts.compactMap { values[$0] }
            guard parts.count == relation.parts.count else { continue }
            if relation.isSum {
                guard total == parts.reduce(0, +) else { throw mismatch(relation.total, "is not the sum of its parts") }
            } else {
                guard total <= parts.reduce(0, +) else { throw mismatch(relation.total, "exceeds the sum of its parts (Nennungen)") }
                guard parts.allSatisfy({ $0 <= total }) else { throw mismatch(relation.total, "is smaller than one of its parts") }
            }
        }
    }

    private func mismatch(_ quantity: Int, _ reason: String) -> DisclosureInputError {
        let name = places[quantity].first.map { tables[$0.table].name }
        return DisclosureInputError(table: name, key: quantities[quantity].key, reason: "the total of \(periodName(quantity)) \(reason)")
    }

    /// The period of a quantity as text (`2026`, `2026-Q3`), or its days.
    func periodName(_ quantity: Int) -> String {
        let range = quantities[quantity].period
        return StatPeriod(range: range)?.description ?? "\(range.from.iso)…\(range.to.iso)"
    }
}
