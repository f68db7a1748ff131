/// Primary suppression: what the rules forbid publishing in itself.
extension SuppressionPlan {
    mutating func suppressPrimary() {
        for quantity in 0..<release.count where release.isPrinted(quantity) {
            if let value = truth[quantity], rules.isTooSmall(value) { suppress(quantity, primary: true) }
        }
        guard rules.groupAttribute else { return }
        for line in release.groupLines {
            let values = line.cells.map { truth[$0] ?? 0 }
            for (offset, cell) in line.cells.enumerated() where values[offset] > 0 {
                // Along a single-valued dimension "the others are zero" and "the cell equals the
                // group" are the same; along a multi-valued one only the group's count tells.
                let othersEmpty = values.indices.allSatisfy { $0 == offset || values[$0] == 0 }
                let wholeGroup = truth[line.group] == values[offset]
                if othersEmpty || wholeGroup { suppress(cell, primary: true) }
            }
        }
    }
}
