/// The structural cycles through a position: what the hypercube method chooses from.
extension TableGrid {
    /// Rectangles when both dimensions are single-valued, pairs along the single-valued one
    /// otherwise, pairs within the line for a one-dimensional additive table; none when no
    /// dimension sums (the exact audit then drives the choice alone).
    func cycles(through position: [Int]) -> [SuppressionCycle] {
        let origin = quantity(at: position)
        switch dimensions.count {
        case 1 where isAdditive[0]:
            return pairs(through: position, along: 0, origin: origin)
        case 2 where isAdditive[0] && isAdditive[1]:
            return rectangles(through: position, origin: origin)
        case 2 where isAdditive[1]:
            return pairs(through: position, along: 1, origin: origin)
        case 2 where isAdditive[0]:
            return pairs(through: position, along: 0, origin: origin)
        default:
            return []
        }
    }

    /// +1 for a code, −1 for the total: the coefficient in the line's equation Σ codes − total = 0.
    private func coefficient(_ index: Int, along dimension: Int) -> Int {
        isTotal(index, along: dimension) ? -1 : 1
    }

    private func pairs(through position: [Int], along dimension: Int, origin: Int) -> [SuppressionCycle] {
        (0..<extents[dimension]).compactMap { other in
            guard other != position[dimension] else { return nil }
            var partner = position
            partner[dimension] = other
            let sign = -coefficient(position[dimension], along: dimension) * coefficient(other, along: dimension)
            return SuppressionCycle(corners: [origin, quantity(at: partner)], signs: [1, sign])
        }
    }

    private func rectangles(through position: [Int], origin: Int) -> [SuppressionCycle] {
        let (row, column) = (position[0], position[1])
        var found: [SuppressionCycle] = []
        for otherRow in 0..<extents[0] where otherRow != row {
            for otherColumn in 0..<extents[1] where otherColumn != column {
                let alongRow = -coefficient(column, along: 1) * coefficient(otherColumn, along: 1)
                let alongColumn = -coefficient(row, along: 0) * coefficient(otherRow, along: 0)
                found.append(
                    SuppressionCycle(
                        corners: [
                            origin, quantity(at: [row, otherColumn]), quantity(at: [otherRow, column]),
                            quantity(at: [otherRow, otherColumn]),
                        ],
                        signs: [1, alongRow, alongColumn, alongRow * alongColumn]))
            }
        }
        return found
    }
}
