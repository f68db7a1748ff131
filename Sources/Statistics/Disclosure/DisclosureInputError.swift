/// Why `DisclosureControl.protect` refused a release: the tables are not the exact, complete,
/// mutually consistent counts it needs (a cell missing, a margin that does not add up, one
/// count shown with two values). Refusing is safer than protecting numbers it cannot trust.
public struct DisclosureInputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The table concerned, when the problem lies in one table.
    public var table: String?
    /// The key of the count concerned, when there is one.
    public var key: [String: String]?
    /// What is wrong, in words for the person preparing the release.
    public var reason: String

    /// Memberwise; `protect` fills in what it knows.
    public init(table: String? = nil, key: [String: String]? = nil, reason: String) {
        self.table = table
        self.key = key
        self.reason = reason
    }

    /// "table t, key […]: reason", for logs and the release preview.
    public var description: String {
        let place = [table.map { "table \($0)" }, key.map { "key \($0.sorted { $0.key < $1.key })" }].compactMap(\.self)
        return (place.isEmpty ? "" : place.joined(separator: ", ") + ": ") + reason
    }
}
