/// A table with its margins laid out as one extended grid: along each dimension the indices
/// `0..<codes.count` are its codes and the index `codes.count` is "total". Position
/// (wohnen, total) is the margin `{area: wohnen}`, (total, total) the grand total. Every
/// position names a quantity of the release, printed in this table or not.
struct TableGrid: Sendable {
    var table: Int
    var dimensions: [String]
    var codes: [[String]]
    /// Per dimension: single-valued, so each line along it sums to its total.
    var isAdditive: [Bool]
    /// Quantity at each position, flattened with the first dimension varying slowest.
    var quantities: [Int]

    /// Extent along each dimension, total included.
    var extents: [Int] { codes.map { $0.count + 1 } }

    func flatIndex(_ position: [Int]) -> Int {
        zip(position, extents).reduce(0) { $0 * $1.1 + $1.0 }
    }

    func quantity(at position: [Int]) -> Int { quantities[flatIndex(position)] }

    func isTotal(_ index: Int, along dimension: Int) -> Bool { index == codes[dimension].count }

    /// Every position of the extended grid.
    var positions: [[Int]] {
        extents.reduce([[]]) { partial, extent in partial.flatMap { prefix in (0..<extent).map { prefix + [$0] } } }
    }

    /// The key of a position: the codes of its non-total coordinates.
    func key(at position: [Int]) -> [String: String] {
        var key: [String: String] = [:]
        for (dimension, index) in position.enumerated() where !isTotal(index, along: dimension) {
            key[dimensions[dimension]] = codes[dimension][index]
        }
        return key
    }

    /// The position of a quantity's key in this grid (nil when the key does not fit it).
    func position(of key: [String: String]) -> [Int]? {
        guard key.keys.allSatisfy(dimensions.contains) else { return nil }
        var position: [Int] = []
        for (dimension, name) in dimensions.enumerated() {
            if let code = key[name] {
                guard let index = codes[dimension].firstIndex(of: code) else { return nil }
                position.append(index)
            } else {
                position.append(codes[dimension].count)
            }
        }
        return position
    }
}
