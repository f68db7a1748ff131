/// Counts of one table that can move together without changing any published total: adding
/// `t` to each corner with sign +1 and subtracting it from each with sign −1 keeps every
/// line sum. If all corners are suppressed, each can take any value in a window whose width is
/// (smallest + corner) + (smallest − corner): the hypercube method's unit of protection.
struct SuppressionCycle: Hashable, Sendable {
    var corners: [Int]
    var signs: [Int]

    /// The width of the window the cycle opens, from the corners' true values (nil: unknown,
    /// taken as unlimited). `Int.max` when one side has no corner.
    func width(values: [Int?]) -> Int {
        var plus = Int.max
        var minus = Int.max
        for (corner, sign) in zip(corners, signs) {
            let value = values[corner] ?? Int.max
            if sign > 0 { plus = min(plus, value) } else { minus = min(minus, value) }
        }
        return plus == .max || minus == .max ? .max : plus + minus
    }
}
