/// Names one printed count for people reading an audit: the table, the key, and whether it is
/// a margin. A count shared by linked tables is reported at one of its places.
public struct CountReference: Hashable, Sendable, CustomStringConvertible {
    /// The table's `name`.
    public var table: String
    /// The count's key, as in the table's JSON (`{}` for the grand total).
    public var key: [String: String]
    /// True for a margin (a key naming fewer than all dimensions).
    public var isMargin: Bool
    /// The table's period (`2026-Q3`), named when the audit reads tables of several periods.
    public var period: String?

    /// Memberwise.
    public init(table: String, key: [String: String], isMargin: Bool, period: String? = nil) {
        self.table = table
        self.key = key
        self.isMargin = isMargin
        self.period = period
    }

    /// "table cell {area=wohnen}", for reasons and logs.
    public var description: String {
        let codes = key.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return "\(table)\(period.map { " (\($0))" } ?? "") \(isMargin ? "margin" : "cell") {\(codes.joined(separator: ", "))}"
    }
}
