/// What makes two printed counts the same number: the counting unit, the period and the key.
/// A cell "wohnen" of a table by area and the margin "wohnen" of the table area × Bezirk with
/// the same unit and period are one quantity, so they are suppressed together and an attacker
/// may combine what both tables say about it.
struct QuantityKey: Hashable, Sendable {
    var unit: String
    var period: StatPeriod.Range
    var key: [String: String]
}
