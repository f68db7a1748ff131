/// One published identity between quantities: a total and the counts it sums over along one
/// dimension. Along a single-valued dimension the total is the sum of its parts; along a
/// multi-valued one ("Nennungen") a case may count in several parts, so all that holds is
/// part ≤ total ≤ sum of parts.
struct QuantityRelation: Hashable, Sendable {
    var total: Int
    var parts: [Int]
    var isSum: Bool
}
